package id.lintas.hub.agreement;

import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.region.Region;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;

/**
 * What agreements read of a canonical referral, extracted once per referral: no identity, only the
 * facts clauses test (forms of violence, victims' gender and age, regions, services, consent).
 *
 * @param date the referral's date in the sender's zone: agreements must be in force on it
 * @param reportedAt the referral's instant
 * @param urgency TINGGI, SEDANG or RENDAH, or null
 * @param requestedRegion the region the sender named, or null
 * @param foundRegion the region that recorded the report
 * @param violenceForms the hub's violence-form codes of the case
 * @param victims every victim, in order
 * @param incidentRegions where the violence happened (dotted Kemendagri)
 * @param services the hub's service codes requested, in order
 * @param parentPerpetrator true when a perpetrator is a parent of the victim
 * @param bundle the canonical Bundle, for FHIRPath conditions
 */
public record CaseProfile(
        LocalDate date,
        Instant reportedAt,
        String urgency,
        String requestedRegion,
        String foundRegion,
        Set<String> violenceForms,
        List<Victim> victims,
        Set<String> incidentRegions,
        List<String> services,
        boolean parentPerpetrator,
        Bundle bundle) {

    /**
     * @param gender female, male or null
     * @param age whole years on the referral's date, or null when unknown
     * @param domicile the regency/city (dotted) where the victim lives, or null
     * @param consent the victim's consent or lawful basis, or null when the referral carries none
     */
    public record Victim(String gender, Integer age, String domicile, ConsentFact consent) {
        public boolean child() {
            return age != null && age < 18;
        }
    }

    /**
     * @param permit true when sharing is permitted
     * @param basis PERSETUJUAN or KEWAJIBAN_HUKUM, or null
     * @param giver who gave it: KORBAN, ORANG_TUA, WALI, PENDAMPING
     */
    public record ConsentFact(boolean permit, String basis, String giver) {}

    public Set<String> domicileRegions() {
        Set<String> regions = new LinkedHashSet<>();
        victims.forEach(v -> {
            if (v.domicile() != null) {
                regions.add(v.domicile());
            }
        });
        return regions;
    }

    public Set<String> regions(RegionRelation relation) {
        return switch (relation) {
            case DOMICILE -> domicileRegions();
            case INCIDENT -> incidentRegions;
            case FOUND -> foundRegion == null ? Set.of() : Set.of(foundRegion);
        };
    }

    /** Reads a canonical referral sent by a participant writing local times in {@code zone}. */
    public static CaseProfile of(Bundle bundle, String senderRegion, ZoneId zone) {
        return of(CanonicalReader.standard().read(bundle), bundle, senderRegion, zone);
    }

    /**
     * The profile of a typed referral and the canonical Bundle written from it (for FHIRPath
     * conditions), sent by a participant writing local times in {@code zone}.
     */
    public static CaseProfile of(Referral referral, Bundle bundle, String senderRegion, ZoneId zone) {
        Instant reportedAt =
                referral.authoredOn() != null ? referral.authoredOn().toInstant() : Instant.now();
        LocalDate date = reportedAt.atZone(zone).toLocalDate();
        List<Victim> victims = new ArrayList<>();
        for (id.lintas.contracts.model.Victim victim : referral.victims()) {
            Region domicile = victim.domicileRegency();
            Consent consent = victim.consent();
            victims.add(new Victim(
                    victim.gender() == null ? null : victim.gender().code(),
                    victim.ageOn(date),
                    domicile == null ? null : domicile.kemendagri(),
                    consent == null
                            ? null
                            : new ConsentFact(consent.permits(), consent.basis(), consent.giverOrVictim())));
        }
        return new CaseProfile(
                date,
                reportedAt,
                referral.urgency() == null ? null : referral.urgency().name(),
                kemendagri(referral.requestedDestination()),
                referral.reportingRegion() != null ? referral.reportingRegion().kemendagri() : senderRegion,
                Set.copyOf(referral.violenceForms()),
                List.copyOf(victims),
                referral.incidentRegions().stream()
                        .map(Region::kemendagri)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()),
                referral.services().stream().distinct().toList(),
                referral.hasParentPerpetrator(),
                bundle);
    }

    private static String kemendagri(Region region) {
        return region == null ? null : region.kemendagri();
    }
}
