package id.lintas.hub.routing;

import id.lintas.hub.agreement.Finding;
import id.lintas.hub.agreement.Grant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a referral goes under the agreements, or why it goes nowhere.
 *
 * @param target what the hub looked for: the region and why (the sender named it, the victim's home, ...)
 * @param grants one per receiver, with the agreement that allows it; empty when refused
 * @param findings what was not covered: agreements that failed a clause, services left out
 */
public record RoutingDecision(String target, List<Grant> grants, List<Finding> findings) {

    public RoutingDecision {
        grants = List.copyOf(grants);
        findings = List.copyOf(findings);
        if (grants.isEmpty() && findings.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
    }

    public static RoutingDecision refused(String target, Finding finding) {
        return new RoutingDecision(target, List.of(), List.of(finding));
    }

    public boolean isRouted() {
        return !grants.isEmpty();
    }

    /** Why nothing was routed, in words a person can act on; null when routed. */
    public String refusal() {
        if (isRouted()) {
            return null;
        }
        return "no agreement in force covers this referral (" + target + "): "
                + findings.stream().map(Finding::toString).collect(Collectors.joining("; "));
    }

    /** What was routed but not covered in full (services left out), for the sender; null when nothing. */
    public String partialCover() {
        if (!isRouted() || findings.isEmpty()) {
            return null;
        }
        return "not covered: " + findings.stream().map(Finding::toString).collect(Collectors.joining("; "));
    }
}
