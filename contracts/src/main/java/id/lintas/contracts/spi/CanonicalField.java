package id.lintas.contracts.spi;

/**
 * Canonical elements a hub-wide check may refuse after an adapter has read a message (dates and ages
 * no case can have, see {@code Plausibility}); the sender's adapter names them in its own words with
 * {@link RegionAdapter#fieldName}.
 */
public enum CanonicalField {
    /** When the case was reported ({@code Task.authoredOn}). */
    REPORT_DATE,
    /** A victim's birth date ({@code Patient.birthDate}). */
    VICTIM_BIRTH_DATE,
    /** A victim's age when no birth date is known (the hub's age extension). */
    VICTIM_AGE,
    /** When the violence happened ({@code Condition.onset}). */
    INCIDENT_DATE
}
