package id.lintas.hub.lifecycle;

/** No referral with that id that the caller sent or received. Says nothing about others' referrals. */
public class ReferralNotFoundException extends RuntimeException {

    private final String field;

    public ReferralNotFoundException(String id) {
        super("no referral " + id + " sent or received by this participant");
        this.field = null;
    }

    private ReferralNotFoundException(ReferralNotFoundException refusal, String field) {
        super(refusal.getMessage());
        this.field = field;
    }

    /** The same refusal, naming the field of the sender's message that held the id. */
    public ReferralNotFoundException naming(String hubReferralIdField) {
        return new ReferralNotFoundException(this, hubReferralIdField);
    }

    /** The sender's name of the field that held the id, or null when the id was not in a message (a path). */
    public String field() {
        return field;
    }
}
