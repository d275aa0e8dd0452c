package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;

/**
 * Jakarta's Conditions: one per victim with a coding per form of violence, the incident's region
 * ({@code lokasi-kejadian}) and onset, and the chronology as notes. The typed model has one incident
 * per case: the forms of every Condition, the onset and region of the first that has them.
 */
final class ConditionReader {

    /** The case's incident (null without a form of violence) and the chronology notes, each once. */
    record Incidents(Incident incident, List<String> chronology) {}

    private final Codes codes;
    private final RegionTable regions;

    ConditionReader(Codes codes, RegionTable regions) {
        this.codes = codes;
        this.regions = regions;
    }

    /** @param victims the Jakarta Patients that are victims of the case */
    Incidents read(Inbound in, List<Patient> victims) {
        Errors errors = in.errors();
        Set<String> forms = new LinkedHashSet<>();
        PartialDateTime onset = null;
        Region region = null;
        List<String> notes = new ArrayList<>();
        List<Condition> conditions = Bundles.all(in.bundle(), Condition.class);
        if (conditions.isEmpty()) {
            errors.add("Condition", "required: at least one Condition with the form of violence");
        }
        for (Condition source : conditions) {
            if (in.resolve(source.getSubject(), Patient.class).filter(victims::contains).isEmpty()) {
                errors.add("Condition.subject", "required: the victim (a Patient in the Bundle)");
                continue;
            }
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
                Coding form = codes.toHub(errors, JakartaFhir.LIST_JENIS_KEKERASAN, codings.get(i).getCode(),
                        "Condition.code.coding[" + i + "]");
                if (form != null) {
                    forms.add(form.getCode());
                    hasForm = true;
                }
            }
            if (hasForm && onset == null && source.hasOnsetDateTimeType()) {
                onset = Fhir.partial(source.getOnsetDateTimeType(), "Condition.onsetDateTime", errors);
            }
            if (hasForm && region == null) {
                region = at;
            }
            for (Annotation note : source.getNote()) {
                if (note.hasText() && !note.getText().isBlank() && !notes.contains(note.getText())) {
                    notes.add(note.getText());
                }
            }
        }
        Incident incident = forms.isEmpty() ? null : new Incident(List.copyOf(forms), onset, region, null);
        return new Incidents(incident, notes);
    }

    private Region incidentRegion(Condition source, Errors errors) {
        String at = Fhir.extensionPath("Condition", JakartaFhir.EXT_LOKASI_KEJADIAN);
        Optional<CodeType> code = Fhir.extensionValue(source, JakartaFhir.EXT_LOKASI_KEJADIAN, CodeType.class);
        if (code.isEmpty()) {
            if (source.getExtensionByUrl(JakartaFhir.EXT_LOKASI_KEJADIAN) != null) {
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
