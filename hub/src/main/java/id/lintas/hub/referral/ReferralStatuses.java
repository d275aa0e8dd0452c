package id.lintas.hub.referral;

/** The statuses a referral has in the hub's record. */
public final class ReferralStatuses {
    /** Routed to a receiver, waiting for its answer. */
    public static final String REQUESTED = "REQUESTED";
    /** The hub could not route it; the sender was told why. */
    public static final String REFUSED = "REFUSED";

    private ReferralStatuses() {}
}
