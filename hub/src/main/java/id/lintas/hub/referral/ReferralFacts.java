package id.lintas.hub.referral;

import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.region.Region;
import java.time.Instant;

/**
 * The few facts of a canonical referral that the hub keys, routes and reports on. The three regions
 * stay distinct: where the victim lives, where it happened, and who recorded the report.
 *
 * @param kind RUJUKAN or PELIMPAHAN
 * @param urgency TINGGI, SEDANG or RENDAH
 * @param requestedRegion the region the sender named, or null
 * @param domicileRegion the first victim's home region, or null
 * @param incidentRegion where the (first) violence happened, or null
 * @param reportingRegion the sender's region
 * @param reportedAt when the case was reported to the sender
 */
public record ReferralFacts(
        String kind,
        String urgency,
        String requestedRegion,
        String domicileRegion,
        String incidentRegion,
        String reportingRegion,
        Instant reportedAt) {

    /** The facts of the typed referral the canonical Bundle was written from. */
    public static ReferralFacts of(Referral referral) {
        Victim first = referral.firstVictim();
        Region domicile = first == null ? null : first.domicileRegency();
        Region incident =
                referral.incident() == null ? null : referral.incident().region();
        Instant reportedAt =
                referral.authoredOn() != null ? referral.authoredOn().toInstant() : Instant.now();
        return new ReferralFacts(
                referral.kind() == null ? null : referral.kind().name(),
                referral.urgency() == null ? null : referral.urgency().name(),
                kemendagri(referral.requestedDestination()),
                kemendagri(domicile),
                kemendagri(incident),
                kemendagri(referral.reportingRegion()),
                reportedAt);
    }

    private static String kemendagri(Region region) {
        return region == null ? null : region.kemendagri();
    }
}
