package id.lintas.hub.lifecycle;

/** No referral with that id that the caller sent or received. Says nothing about others' referrals. */
public class ReferralNotFoundException extends RuntimeException {
    public ReferralNotFoundException(String id) {
        super("no referral " + id + " sent or received by this participant");
    }
}
