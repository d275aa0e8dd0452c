package id.lintas.adapter.ppu;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.terminology.Terminology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * Builds the canonical Bundle of one case from its checked rows (one row per victim), per
 * docs/canonical-model.md. Stateless; the resource mappers do the per-resource work.
 */
final class ReferralMapper {

    private static final String SEXUAL = "SEKSUAL";
    private static final String HOUSEHOLD = "RUMAH_TANGGA";

    private final Terminology terminology;
    private final RegionTable regions;
    private final TaskMapper tasks = new TaskMapper();
    private final OrganizationMapper organizations = new OrganizationMapper();
    private final PractitionerMapper practitioners = new PractitionerMapper();
    private final ServiceRequestMapper services = new ServiceRequestMapper();
    private final PatientMapper patients;
    private final ConditionMapper conditions;
    private final PerpetratorMapper perpetrators;
    private final ConsentGiverMapper consentGivers;
    private final ConsentMapper consents;

    ReferralMapper(Terminology terminology, RegionTable regions) {
        this.terminology = terminology;
        this.regions = regions;
        this.patients = new PatientMapper(terminology);
        this.conditions = new ConditionMapper(terminology);
        this.perpetrators = new PerpetratorMapper(terminology);
        this.consentGivers = new ConsentGiverMapper(terminology);
        this.consents = new ConsentMapper(terminology, consentGivers);
    }

    /** @param rows the case's rows, all without errors and consistent in their case-level columns */
    CanonicalReferral toReferral(String noRegistrasi, List<RujukanRow> rows, Participant sender) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        RujukanRow first = rows.get(0);
        Region senderRegion = regions.byKemendagri(sender.regionKemendagri()).orElse(null);

        Task task = tasks.toTask(noRegistrasi, first.referral(), sender, senderRegion);
        Bundles.add(bundle, task);
        Reference requester = Bundles.add(bundle, organizations.toOrganization(sender, senderRegion));
        task.setRequester(requester);
        Reference officer = first.referral().officer() == null
                ? null
                : Bundles.add(
                        bundle, practitioners.toPractitioner(first.referral().officer()));

        List<Reference> victims = new ArrayList<>();
        for (RujukanRow row : rows) {
            Reference victim = Bundles.add(bundle, patients.toPatient(row.victim(), sensitive(row.incident())));
            victims.add(victim);
            task.addInput()
                    .setType(Fhir.concept(Fhir.hub(terminology, Canonical.CS_TASK_INPUT, Canonical.TASK_INPUT_VICTIM)))
                    .setValue(victim.copy());
        }
        Reference firstVictim = victims.get(0);
        task.setFor(firstVictim.copy());
        if (officer != null) {
            task.addInput()
                    .setType(Fhir.concept(Fhir.hub(terminology, Canonical.CS_TASK_INPUT, Canonical.TASK_INPUT_OFFICER)))
                    .setValue(officer.copy());
        }

        for (int i = 0; i < rows.size(); i++) {
            conditions.toConditions(rows.get(i).incident(), victims.get(i)).forEach(c -> Bundles.add(bundle, c));
        }
        // PPU repeats one perpetrator on every victim's row: the same person typed alike is one person.
        Map<String, RujukanRow.Perpetrator> distinct = new LinkedHashMap<>();
        rows.stream()
                .map(RujukanRow::perpetrator)
                .filter(p -> p != null)
                .forEach(p -> distinct.putIfAbsent(p.key(), p));
        distinct.values().forEach(p -> Bundles.add(bundle, perpetrators.toRelatedPerson(p, firstVictim)));

        for (int i = 0; i < rows.size(); i++) {
            RujukanRow.Consent consent = rows.get(i).consent();
            Reference victim = victims.get(i);
            Reference performer = ConsentGiverMapper.isVictim(consent.giver())
                    ? victim
                    : Bundles.add(bundle, consentGivers.toRelatedPerson(consent.giver(), victim));
            Bundles.add(
                    bundle,
                    consents.toConsent(
                            consent.permitted(),
                            victim,
                            performer,
                            first.referral().reportedAt()));
        }

        for (Coding service : services(rows)) {
            task.addBasedOn(Bundles.add(bundle, services.toServiceRequest(service, firstVictim, requester)));
        }
        return new CanonicalReferral(noRegistrasi, 1, bundle);
    }

    /** The services of every row, each once, in the order first named: a service one victim needs is the case's. */
    private static List<Coding> services(List<RujukanRow> rows) {
        Map<String, Coding> distinct = new LinkedHashMap<>();
        rows.forEach(r -> r.referral().services().forEach(s -> distinct.putIfAbsent(s.getCode(), s)));
        return List.copyOf(distinct.values());
    }

    /** Sexual violence or violence at home: the victim's record carries the SDV security label. */
    private static boolean sensitive(RujukanRow.Incident incident) {
        return incident.forms().stream().anyMatch(f -> SEXUAL.equals(f.getCode()))
                || (incident.place() != null
                        && HOUSEHOLD.equals(incident.place().getCode()));
    }
}
