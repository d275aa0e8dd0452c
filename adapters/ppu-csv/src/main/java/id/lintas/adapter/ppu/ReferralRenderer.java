package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.terminology.Terminology;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A canonical referral as {@code RUJUKAN_MASUK} rows: one row per victim, the case's columns repeated
 * on each. Whatever the bundle lacks (the hub removes what an agreement does not let PPU see) is an
 * empty cell. Stateless.
 */
final class ReferralRenderer {

    private final TaskMapper tasks = new TaskMapper();
    private final ServiceRequestMapper services = new ServiceRequestMapper();
    private final PractitionerMapper practitioners = new PractitionerMapper();
    private final PatientMapper patients;
    private final ConditionMapper conditions;
    private final PerpetratorMapper perpetrators;
    private final ConsentMapper consents;

    ReferralRenderer(Terminology terminology) {
        this.patients = new PatientMapper(terminology);
        this.conditions = new ConditionMapper(terminology);
        this.perpetrators = new PerpetratorMapper(terminology);
        this.consents = new ConsentMapper(terminology, new ConsentGiverMapper(terminology));
    }

    List<List<String>> render(OutboundReferral referral, Rendering out) {
        Bundle bundle = referral.bundle();
        Task task = Bundles.task(bundle);

        Rendering.Cells shared = new Rendering.Cells();
        tasks.render(task, out, shared);
        services.render(services(bundle, task), out, shared);
        officer(bundle, task).ifPresent(p -> practitioners.render(p, shared));
        shared.put(ID_RUJUKAN_HUB, referral.hubReferralId());
        shared.put(ASAL_KAB_KOTA, origin(referral, out));

        List<Patient> victims = victims(bundle, task);
        List<RelatedPerson> perpetratorList = Bundles.all(bundle, RelatedPerson.class).stream()
                .filter(PerpetratorMapper::isPerpetrator)
                .toList();
        List<Consent> consentList = Bundles.all(bundle, Consent.class);
        List<Condition> conditionList = Bundles.all(bundle, Condition.class);

        List<Rendering.Cells> rows = new ArrayList<>();
        int rowCount = Math.max(1, victims.size());
        for (int i = 0; i < rowCount; i++) {
            Rendering.Cells cells = shared.copy();
            cells.put(NO, String.valueOf(i + 1));
            if (i < victims.size()) {
                Patient victim = victims.get(i);
                String ref = Bundles.fullUrl(bundle, victim);
                patients.render(victim, i + 1, out, cells);
                conditions.render(
                        conditionList.stream()
                                .filter(c -> refersTo(c.getSubject(), ref))
                                .toList(),
                        i + 1,
                        out,
                        cells);
                consentList.stream()
                        .filter(c -> refersTo(c.getPatient(), ref))
                        .findFirst()
                        .ifPresent(c -> consents.render(c, bundle, out, cells));
            }
            perpetrator(perpetratorList, i, rowCount).ifPresent(p -> perpetrators.render(p, out, cells));
            rows.add(cells);
        }
        // PPU's application holds one perpetrator per victim row; the others go into the chronology, not away.
        for (int p = rowCount; p < perpetratorList.size(); p++) {
            out.note(perpetrators.describe(perpetratorList.get(p), p + 1, out));
        }
        List<String> notes = out.notes();
        return rows.stream()
                .map(cells -> withNotes(cells, notes).in(RUJUKAN_MASUK_LAYOUT))
                .toList();
    }

    /**
     * One perpetrator: on every row. As many as the rows or fewer: one per row, in order. More: one per
     * row, the rest in the notes.
     */
    private static Optional<RelatedPerson> perpetrator(List<RelatedPerson> all, int row, int rows) {
        if (all.size() == 1) {
            return Optional.of(all.get(0));
        }
        return row < all.size() ? Optional.of(all.get(row)) : Optional.empty();
    }

    private static Rendering.Cells withNotes(Rendering.Cells cells, List<String> notes) {
        if (notes.isEmpty()) {
            return cells;
        }
        String block = "Catatan Lintas (data tanpa kolom di format PPU / data PPU's columns cannot hold):\n- "
                + String.join("\n- ", notes);
        String chronology = cells.get(KRONOLOGI);
        cells.put(KRONOLOGI, chronology == null ? block : chronology + "\n\n" + block);
        return cells;
    }

    private static String origin(OutboundReferral referral, Rendering out) {
        String code = referral.sender().regionKemendagri();
        Optional<Region> region = out.region(code);
        if (region.isEmpty()) {
            out.error(ASAL_KAB_KOTA, "sender region '" + code + "' is not in the Kemendagri region table");
            return null;
        }
        return region.get().name();
    }

    /** The victims in the Task's order; every Patient when the Task lists none. */
    private static List<Patient> victims(Bundle bundle, Task task) {
        List<Patient> listed = inputs(bundle, task, Canonical.TASK_INPUT_VICTIM, Patient.class);
        return listed.isEmpty() ? Bundles.all(bundle, Patient.class) : listed;
    }

    private static Optional<Practitioner> officer(Bundle bundle, Task task) {
        List<Practitioner> listed = inputs(bundle, task, Canonical.TASK_INPUT_OFFICER, Practitioner.class);
        return listed.isEmpty() ? Bundles.first(bundle, Practitioner.class) : Optional.of(listed.get(0));
    }

    private static List<ServiceRequest> services(Bundle bundle, Task task) {
        List<ServiceRequest> listed = task.getBasedOn().stream()
                .map(r -> Bundles.resolve(bundle, r, ServiceRequest.class).orElse(null))
                .filter(Objects::nonNull)
                .toList();
        return listed.isEmpty() ? Bundles.all(bundle, ServiceRequest.class) : listed;
    }

    private static <T extends Resource> List<T> inputs(Bundle bundle, Task task, String type, Class<T> resourceType) {
        return task.getInput().stream()
                .filter(input -> {
                    Coding coding = Fhir.coding(input.getType(), Canonical.CS_TASK_INPUT);
                    return coding != null && type.equals(coding.getCode());
                })
                .filter(input -> input.getValue() instanceof Reference)
                .map(input -> Bundles.resolve(bundle, (Reference) input.getValue(), resourceType)
                        .orElse(null))
                .filter(Objects::nonNull)
                .toList();
    }

    private static boolean refersTo(Reference reference, String fullUrl) {
        return reference != null && fullUrl.equals(reference.getReference());
    }
}
