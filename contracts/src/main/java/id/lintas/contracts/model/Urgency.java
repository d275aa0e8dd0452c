package id.lintas.contracts.model;

/** The hub's {@code CodeSystem/urgency}; the canonical Bundle also shows it as {@code Task.priority}. */
public enum Urgency {
    /** High: FHIR priority {@code asap}. */
    TINGGI,
    /** Medium: FHIR priority {@code urgent}. */
    SEDANG,
    /** Low: FHIR priority {@code routine}. */
    RENDAH
}
