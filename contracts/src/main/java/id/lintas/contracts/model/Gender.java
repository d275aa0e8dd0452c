package id.lintas.contracts.model;

import java.util.Locale;

/** A person's administrative gender, as FHIR's {@code administrative-gender} codes it. */
public enum Gender {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN;

    /** The FHIR code ({@code female}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The gender of a FHIR code, or null for null. */
    public static Gender ofCode(String code) {
        return code == null ? null : valueOf(code.toUpperCase(Locale.ROOT));
    }
}
