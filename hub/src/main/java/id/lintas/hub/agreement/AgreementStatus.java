package id.lintas.hub.agreement;

/** Where a version of an agreement is in its life. Only ACTIVE versions route (and TERMINATED ones until their end). */
public enum AgreementStatus {
    /** Registered, waiting for every party's signature. */
    DRAFT,
    /** Signed by every party. */
    ACTIVE,
    /** Replaced by a later version that every party signed; readable, routes nothing. */
    SUPERSEDED,
    /** Paused by an administrator: routes nothing until resumed. */
    SUSPENDED,
    /** Ended by a party's notice: routes referrals dated before its effective date only. */
    TERMINATED
}
