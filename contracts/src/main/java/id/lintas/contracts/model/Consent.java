package id.lintas.contracts.model;

/**
 * A victim's consent to share the case, or the lawful basis that stands in for it.
 *
 * @param permit true when sharing is permitted, false when the victim (or the giver) refused
 * @param basis the hub's {@code CodeSystem/lawful-basis} code ({@link #CONSENT}, {@link #LEGAL_OBLIGATION}), or null
 * @param giver who gave it when it was not the victim: {@code CodeSystem/consent-giver} ({@code ORANG_TUA},
 *     {@code WALI}, {@code PENDAMPING}); null when the victim gave it
 * @param date when it was given, or null
 */
public record Consent(boolean permit, String basis, String giver, PartialDateTime date) {

    /** Lawful basis: the victim's (or giver's) consent. */
    public static final String CONSENT = "PERSETUJUAN";
    /** Lawful basis: a legal obligation, e.g. when a parent is the suspected perpetrator. */
    public static final String LEGAL_OBLIGATION = "KEWAJIBAN_HUKUM";
    /** The giver's code agreements use for the victim itself. */
    public static final String VICTIM = "KORBAN";

    /** Whether the case may be shared under it. */
    public boolean permits() {
        return permit;
    }

    /** Whether the victim gave it (no separate consent giver). */
    public boolean byVictim() {
        return giver == null;
    }

    /** The giver's code, {@link #VICTIM} when the victim gave it. */
    public String giverOrVictim() {
        return giver == null ? VICTIM : giver;
    }
}
