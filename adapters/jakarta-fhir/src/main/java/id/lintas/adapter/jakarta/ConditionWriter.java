package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.region.RegionTable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;

/** Jakarta's shape of the violence: one Condition per victim, one coding per form, the chronology as the first one's note. */
final class ConditionWriter {

    private final Codes codes;
    private final RegionTable regions;

    ConditionWriter(Codes codes, RegionTable regions) {
        this.codes = codes;
        this.regions = regions;
    }

    /** One Condition for each victim something happened to; the chronology goes on the first. */
    void write(Outbound out) {
        Referral referral = out.referral();
        boolean first = true;
        for (int victim = 0; victim < referral.victims().size(); victim++) {
            Incident incident = referral.victims().get(victim).incidentIn(referral);
            if (incident == null) {
                continue;
            }
            Condition condition = new Condition();
            if (incident.region() != null) {
                String lokasi = Fhir.compact(
                        regions,
                        out.errors(),
                        incident.region().kemendagri(),
                        Fhir.extensionPath("Condition", JakartaFhir.EXT_LOKASI_KEJADIAN));
                if (lokasi != null) {
                    condition.addExtension(JakartaFhir.EXT_LOKASI_KEJADIAN, new CodeType(lokasi));
                }
            }
            condition.setClinicalStatus(
                    new CodeableConcept(new Coding(Canonical.CONDITION_CLINICAL, "active", "Active")));
            condition.setVerificationStatus(
                    new CodeableConcept(new Coding(Canonical.CONDITION_VERIFICATION, "provisional", "Provisional")));
            condition.setCode(forms(out, incident.forms()));
            condition.setSubject(out.victim(victim));
            if (incident.onset() != null) {
                condition.setOnset(new DateTimeType(incident.onset().toString()));
            }
            if (first && referral.chronology() != null && !referral.chronology().isBlank()) {
                condition.addNote().setText(referral.chronology());
            }
            first = false;
            out.transaction().post(out.transaction().url("Condition/" + victim), condition);
        }
    }

    /** The forms in Jakarta's codes, each once. */
    private CodeableConcept forms(Outbound out, List<String> forms) {
        CodeableConcept code = new CodeableConcept();
        Set<String> written = new LinkedHashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            String jakarta = codes.fromHub(
                    out.errors(),
                    JakartaFhir.LIST_JENIS_KEKERASAN,
                    new Coding(Canonical.CS_VIOLENCE_FORM, forms.get(i), null),
                    "Condition.code.coding[" + i + "]");
            if (jakarta != null && written.add(jakarta)) {
                code.addCoding(new Coding(JakartaFhir.CS_JENIS_KEKERASAN, jakarta, null));
            }
        }
        return code;
    }
}
