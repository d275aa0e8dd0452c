package id.lintas.contracts.model;

/** SATUSEHAT's citizenship status of a victim. */
public enum Citizenship {
    /** Indonesian citizen (code {@code I}). */
    WNI("I"),
    /** Foreign national (code {@code A}). */
    WNA("A");

    private final String code;

    Citizenship(String code) {
        this.code = code;
    }

    /** SATUSEHAT's code ({@code I}, {@code A}). */
    public String code() {
        return code;
    }

    /** The citizenship of SATUSEHAT's code, or null for a code it does not know. */
    public static Citizenship ofCode(String code) {
        for (Citizenship value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        return null;
    }
}
