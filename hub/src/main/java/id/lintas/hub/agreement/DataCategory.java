package id.lintas.hub.agreement;

/** What a receiver may see of a referral; an agreement grants these per service. */
public enum DataCategory {
    /** Victims' names, NIK, birth dates, gender and profile (education, disability, occupation). */
    IDENTITY,
    /** Victims' phones and street addresses (the region codes of an address always stay: they route). */
    CONTACT,
    /** Forms of violence, their dates, regions and places. */
    VIOLENCE,
    /** The services requested of the receiver. */
    SERVICES,
    /** The free-text account of what happened, and the sender's free-text reason for referring. */
    CHRONOLOGY,
    /** Perpetrators' names, relation to the victim, gender and age. */
    PERPETRATOR
}
