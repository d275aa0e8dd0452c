package id.lintas.contracts.model;

import id.lintas.contracts.region.Region;
import java.util.List;

/**
 * What happened: the same for every victim of the case (the Bundle holds one Condition per victim
 * per form of violence).
 *
 * @param forms the hub's {@code CodeSystem/violence-form} codes, in the sender's order
 * @param onset when it happened, to the precision known ({@code 2025-06}), or null
 * @param region the region where it happened, or null
 * @param place the hub's {@code CodeSystem/incident-place} code, or null
 */
public record Incident(List<String> forms, PartialDateTime onset, Region region, String place) {

    /** Form of violence: sexual. */
    public static final String SEXUAL = "SEKSUAL";
    /** Form of violence: trafficking in persons. */
    public static final String TRAFFICKING = "TPPO";
    /** Place: the household. */
    public static final String HOUSEHOLD = "RUMAH_TANGGA";

    public Incident {
        forms = List.copyOf(forms);
    }

    /**
     * The SDV rule: sexual or domestic violence (a sexual form, or in the household) makes every
     * victim's record sensitive ({@code v3-ActCode#SDV}).
     */
    public boolean isSexualOrDomestic() {
        return forms.contains(SEXUAL) || HOUSEHOLD.equals(place);
    }
}
