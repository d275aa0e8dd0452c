package id.lintas.contracts.model;

/** The hub's {@code CodeSystem/referral-kind}. */
public enum ReferralKind {
    /** A service referral: the case stays with the sender. */
    RUJUKAN,
    /** A transfer: the receiver takes the case over. */
    PELIMPAHAN
}
