package id.lintas.hub.agreement;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.canonical.CanonicalWriter;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Cuts a canonical referral down to what one receiver may see under its grant: data categories it
 * was not granted are absent from the copy it receives (not blanked, absent), and only the services
 * asked of it remain. Region codes stay, since they are what the referral is about.
 */
public final class DataMinimiser {

    private DataMinimiser() {}

    /**
     * A reduced copy of a canonical Bundle, written anew from the reduced typed referral; the original
     * is left as it is. Its entry ids derive from the original's Task, so the same copy prepared again
     * (at intake and at each delivery attempt) names the same entries.
     */
    public static Bundle reduce(Bundle original, Collection<DataCategory> granted, Collection<String> services) {
        Referral reduced = reduce(CanonicalReader.standard().read(original), granted, services);
        return CanonicalWriter.standard().write(reduced, Bundles.fullUrl(original, Bundles.task(original)));
    }

    /** The referral without what {@code granted} leaves out, asking only for {@code services}. */
    public static Referral reduce(Referral referral, Collection<DataCategory> granted, Collection<String> services) {
        Set<DataCategory> data = granted.isEmpty() ? Set.of() : Set.copyOf(granted);
        Referral.Builder reduced = referral.toBuilder();
        reduced.services(
                data.contains(DataCategory.SERVICES)
                        ? referral.services().stream()
                                .filter(services::contains)
                                .toList()
                        : List.of());
        if (!data.contains(DataCategory.CHRONOLOGY)) {
            // The sender's reason for referring is free text as the chronology is (Prabumulih's
            // alasan, Jakarta's reasonCode.text): it can tell the story, so it goes with it.
            reduced.chronology(null).reason(null);
        }
        if (!data.contains(DataCategory.PERPETRATOR)) {
            reduced.perpetrators(List.of());
        }
        if (!data.contains(DataCategory.VIOLENCE)) {
            reduced.incident(null);
        }
        reduced.victims(
                referral.victims().stream().map(victim -> reduce(victim, data)).toList());
        return reduced.build();
    }

    private static Victim reduce(Victim victim, Set<DataCategory> data) {
        Victim reduced = victim;
        if (!data.contains(DataCategory.CONTACT)) {
            reduced = reduced.withoutContact();
        }
        if (!data.contains(DataCategory.IDENTITY)) {
            reduced = reduced.withoutIdentity();
        }
        if (!data.contains(DataCategory.VIOLENCE)) {
            reduced = reduced.withIncident(null);
        }
        return reduced;
    }
}
