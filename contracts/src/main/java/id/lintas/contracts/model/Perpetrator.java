package id.lintas.contracts.model;

/**
 * A (suspected) perpetrator. The canonical Bundle links every perpetrator to the first victim.
 *
 * @param name the name as the sender wrote it, or null
 * @param gender the gender, or null when not known
 * @param age the age in whole years, or null when not known
 * @param relationship the hub's {@code CodeSystem/relationship} code: the perpetrator's relation to the victim
 *     ({@link #UNKNOWN} when not known; the profile requires one, so null only in a Bundle built by hand)
 */
public record Perpetrator(String name, Gender gender, Integer age, String relationship) {

    /** The relationship code when the relation is not known. */
    public static final String UNKNOWN = "TIDAK_DIKETAHUI";

    /** The relationship code of a parent. */
    public static final String PARENT = "ORANG_TUA";

    /** Whether the perpetrator is a parent of the victim. */
    public boolean isParent() {
        return PARENT.equals(relationship);
    }
}
