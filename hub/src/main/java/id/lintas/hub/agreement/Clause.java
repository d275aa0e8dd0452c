package id.lintas.hub.agreement;

/** The clause of an agreement that a referral failed, so a person knows what to act on. */
public enum Clause {
    /** The sender and the receiver have no agreement with each other. */
    NO_AGREEMENT,
    /** The agreement is not in force on the referral's date: not yet, expired, suspended or terminated. */
    NOT_IN_FORCE,
    /** The agreement does not let the sender refer to this receiver. */
    DIRECTION,
    /** The case is not of the kinds the agreement covers (forms of violence, victims). */
    SCOPE,
    /** The case does not link the two parties' regions as the agreement requires. */
    REGIONS,
    /** No valid consent and no legal-obligation basis the agreement accepts. */
    CONSENT,
    /** The agreement's extra condition is false for this case. */
    CONDITION,
    /** None (or not all) of the requested services is provided by the receiver under the agreement. */
    SERVICES,
    /** The receiver's format cannot carry the referral: a field it requires is missing or not precise enough. */
    FORMAT
}
