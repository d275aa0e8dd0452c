package id.lintas.hub.audit;

/**
 * What an audit entry records. The name is what the entry holds ({@code "kind"}); add kinds at the end,
 * never rename one (entries are kept for good).
 */
public enum AuditKind {
    /** A region's message was accepted as a referral or a revision. */
    INTAKE_RECEIVED,
    /** A region's message was refused (invalid, unknown participant, stale revision). */
    INTAKE_REFUSED,
    /** A region's message was already received (same source and revision). */
    INTAKE_DUPLICATE,
    /** The router decided where a referral goes, under which agreement and version, or which clauses failed. */
    ROUTING_DECIDED,
    /** One delivery attempt to a receiver and its outcome. */
    DELIVERY_ATTEMPTED,
    /** A referral's status changed (answered, accepted, closed...). */
    STATUS_CHANGED,
    /** Someone read a referral's data: a disclosure (who, as which role, which copy). */
    REFERRAL_READ,
    /** An agreement was registered, amended, suspended, resumed or terminated. */
    AGREEMENT_CHANGED,
    /** A party signed an agreement version. */
    AGREEMENT_SIGNED,
    /** A participant's key was registered. */
    KEY_REGISTERED,
    /** A participant's client or witness key was approved. */
    KEY_APPROVED,
    /** A participant's key was revoked. */
    KEY_REVOKED,
    /** A person's account was created, disabled, enabled, or its roles or password changed. */
    ACCOUNT_CHANGED,
    /** An operator re-drove a delivery or a dead letter. */
    REDRIVE
}
