package id.lintas.hub.referral;

import id.lintas.contracts.canonical.AdministrativeCode;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;

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

    public static ReferralFacts of(Bundle bundle) {
        Task task = Bundles.task(bundle);
        String kind = task.getCode().getCodingFirstRep().getCode();
        String urgency = coding(task.getExtensionByUrl(Canonical.EXT_URGENCY));
        String requested = coding(task.getExtensionByUrl(Canonical.EXT_REQUESTED_DESTINATION));
        String reporting = coding(task.getExtensionByUrl(Canonical.EXT_REPORTING_REGION));
        String domicile = Bundles.resolve(bundle, task.getFor(), Patient.class)
                .flatMap(ReferralFacts::domicile)
                .orElse(null);
        String incident = Bundles.all(bundle, Condition.class).stream()
                .map(c -> coding(c.getExtensionByUrl(Canonical.EXT_INCIDENT_REGION)))
                .filter(code -> code != null)
                .findFirst()
                .orElse(null);
        Instant reportedAt = task.hasAuthoredOn() ? task.getAuthoredOn().toInstant() : Instant.now();
        return new ReferralFacts(kind, urgency, requested, domicile, incident, reporting, reportedAt);
    }

    private static Optional<String> domicile(Patient patient) {
        // A domicile is a regency/city: an address known only to its province does not route.
        return patient.getAddress().stream()
                .map(AdministrativeCode::mostPrecise)
                .flatMap(Optional::stream)
                .map(RegionTable.standard()::byKemendagriCompact)
                .flatMap(Optional::stream)
                .filter(region -> !region.isProvince())
                .map(Region::kemendagri)
                .findFirst();
    }

    private static String coding(Extension extension) {
        if (extension == null || !(extension.getValue() instanceof Coding coding)) {
            return null;
        }
        return coding.getCode();
    }
}
