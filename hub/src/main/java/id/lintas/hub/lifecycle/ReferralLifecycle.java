package id.lintas.hub.lifecycle;

import id.lintas.contracts.spi.ReferralStatus;
import id.lintas.hub.referral.ReferralStatuses;
import java.util.Map;
import java.util.Set;

/** Who may move a referral from which status to which: plain rules, no framework. */
public final class ReferralLifecycle {

    /** The party a participant is to a referral. */
    public enum Party {
        SENDER,
        RECEIVER
    }

    private static final Map<String, Set<ReferralStatus>> NEXT = Map.of(
            ReferralStatuses.REQUESTED,
            Set.of(ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.CANCELLED),
            ReferralStatus.ACCEPTED.name(),
            Set.of(ReferralStatus.COMPLETED, ReferralStatus.CANCELLED));

    private ReferralLifecycle() {}

    /**
     * @return null when the change is allowed, else the reason it is not
     */
    public static String refusal(String current, ReferralStatus next, Party party) {
        if (next.isReceiverDecision() && party != Party.RECEIVER) {
            return "only the receiving region may set status " + next.name().toLowerCase();
        }
        if (next == ReferralStatus.CANCELLED && party != Party.SENDER) {
            return "only the sending region may cancel a referral";
        }
        if (next == ReferralStatus.REQUESTED) {
            return "status requested is set by the hub";
        }
        if (!NEXT.getOrDefault(current, Set.of()).contains(next)) {
            return "a referral in status " + current.toLowerCase() + " cannot become "
                    + next.name().toLowerCase();
        }
        return null;
    }
}
