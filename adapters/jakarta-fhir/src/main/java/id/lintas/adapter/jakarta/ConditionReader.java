package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;

/**
 * Jakarta's Conditions: one per victim with a coding per form of violence, the incident's region
 * ({@code lokasi-kejadian}) and onset, and the chronology as notes. Each victim's incident has the
 * forms of its Conditions, and the onset and region of the first of them that has each.
 */
final class ConditionReader {

    /** Each victim's incident (absent without a form of violence) and the chronology notes, each once. */
    record Incidents(Map<Patient, Incident> byVictim, List<String> chronology) {}

    /** What one victim's Conditions say so far. */
    private static final class Found {
        private final Set<String> forms = new LinkedHashSet<>();
        private PartialDateTime onset;
        private Region region;

        Incident incident() {
            return forms.isEmpty() ? null : new Incident(List.copyOf(forms), onset, region, null);
        }
    }

    private final Codes codes;
    private final RegionTable regions;

    ConditionReader(Codes codes, RegionTable regions) {
        this.codes = codes;
        this.regions = regions;
    }

    /** @param victims the Jakarta Patients that are victims of the case */
    Incidents read(Inbound in, List<Patient> victims) {
        Errors errors = in.errors();
        Map<Patient, Found> found = new IdentityHashMap<>();
        List<String> notes = new ArrayList<>();
        List<Condition> conditions = Bundles.all(in.bundle(), Condition.class);
        if (conditions.isEmpty()) {
            errors.add("Condition", "required: at least one Condition with the form of violence");
        }
        for (Condition source : conditions) {
            Patient victim = in.resolve(source.getSubject(), Patient.class)
                    .filter(victims::contains)
                    .orElse(null);
            if (victim == null) {
                errors.add("Condition.subject", "required: the victim (a Patient in the Bundle)");
                continue;
            }
            Found what = found.computeIfAbsent(victim, v -> new Found());
            Region at = incidentRegion(source, errors);
            List<Coding> codings = source.getCode().getCoding();
            if (Fhir.codings(source.getCode(), JakartaFhir.CS_JENIS_KEKERASAN).isEmpty()) {
                errors.add("Condition.code", "required: a coding from " + JakartaFhir.CS_JENIS_KEKERASAN);
            }
            boolean hasForm = false;
            for (int i = 0; i < codings.size(); i++) {
                if (!JakartaFhir.CS_JENIS_KEKERASAN.equals(codings.get(i).getSystem())) {
                    continue;
                }
                Coding form = codes.toHub(
                        errors,
                        JakartaFhir.LIST_JENIS_KEKERASAN,
                        codings.get(i).getCode(),
                        "Condition.code.coding[" + i + "]");
                if (form != null) {
                    what.forms.add(form.getCode());
                    hasForm = true;
                }
            }
            if (hasForm && what.onset == null && source.hasOnsetDateTimeType()) {
                what.onset = Fhir.partial(source.getOnsetDateTimeType(), "Condition.onsetDateTime", errors);
            }
            if (hasForm && what.region == null) {
                what.region = at;
            }
            for (Annotation note : source.getNote()) {
                if (note.hasText() && !note.getText().isBlank() && !notes.contains(note.getText())) {
                    notes.add(note.getText());
                }
            }
        }
        Map<Patient, Incident> byVictim = new IdentityHashMap<>();
        found.forEach((victim, what) -> {
            if (what.incident() != null) {
                byVictim.put(victim, what.incident());
            }
        });
        return new Incidents(byVictim, notes);
    }

    private Region incidentRegion(Condition source, Errors errors) {
        String at = Fhir.extensionPath("Condition", JakartaFhir.EXT_LOKASI_KEJADIAN);
        Optional<CodeType> code = Fhir.extensionValue(source, JakartaFhir.EXT_LOKASI_KEJADIAN, CodeType.class);
        if (code.isEmpty()) {
            if (Fhir.first(source.getExtension(), JakartaFhir.EXT_LOKASI_KEJADIAN) != null) {
                errors.add(at, "expected a valueCode: the Kemendagri region code without dots");
            }
            return null;
        }
        Optional<Region> region = regions.byKemendagriCompact(code.get().getValue());
        if (region.isEmpty()) {
            errors.add(at, "unknown Kemendagri region code '" + code.get().getValue() + "'");
            return null;
        }
        return region.get();
    }
}
