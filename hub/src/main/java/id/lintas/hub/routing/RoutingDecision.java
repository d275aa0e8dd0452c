package id.lintas.hub.routing;

import java.util.List;

/**
 * Where a referral goes, or why it goes nowhere.
 *
 * @param routes the receivers (several when an agreement fans a referral out); empty when refused
 * @param refusal why no receiver was found, in words a person can act on; null when routed
 */
public record RoutingDecision(List<Route> routes, String refusal) {

    public RoutingDecision {
        routes = List.copyOf(routes);
        if (routes.isEmpty() == (refusal == null)) {
            throw new IllegalArgumentException("a decision either routes or refuses");
        }
    }

    public static RoutingDecision to(String participantId, String reason) {
        return new RoutingDecision(List.of(new Route(participantId, reason)), null);
    }

    public static RoutingDecision refused(String reason) {
        return new RoutingDecision(List.of(), reason);
    }

    public boolean isRouted() {
        return !routes.isEmpty();
    }

    /**
     * @param participantId the receiver
     * @param reason why it receives it (recorded on the referral's trail)
     */
    public record Route(String participantId, String reason) {}
}
