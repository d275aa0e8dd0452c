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

    void write(Outbound out) {
        Referral referral = out.referral();
        Incident incident = referral.incident();
        if (incident == null) {
            return;
        }
        String lokasi = null;
        if (incident.region() != null) {
            lokasi = Fhir.compact(regions, out.errors(), incident.region().kemendagri(),
                    Fhir.extensionPath("Condition", JakartaFhir.EXT_LOKASI_KEJADIAN));
        }
        CodeableConcept code = new CodeableConcept();
        Set<String> written = new LinkedHashSet<>();
        List<String> forms = incident.forms();
        for (int i = 0; i < forms.size(); i++) {
            String jakarta = codes.fromHub(out.errors(), JakartaFhir.LIST_JENIS_KEKERASAN,
                    new Coding(Canonical.CS_VIOLENCE_FORM, forms.get(i), null), "Condition.code.coding[" + i + "]");
            if (jakarta != null && written.add(jakarta)) {
                code.addCoding(new Coding(JakartaFhir.CS_JENIS_KEKERASAN, jakarta, null));
            }
        }
        for (int victim = 0; victim < referral.victims().size(); victim++) {
            Condition condition = new Condition();
            if (lokasi != null) {
                condition.addExtension(JakartaFhir.EXT_LOKASI_KEJADIAN, new CodeType(lokasi));
            }
            condition.setClinicalStatus(new CodeableConcept(new Coding(Canonical.CONDITION_CLINICAL, "active", "Active")));
            condition.setVerificationStatus(new CodeableConcept(
                    new Coding(Canonical.CONDITION_VERIFICATION, "provisional", "Provisional")));
            condition.setCode(code.copy());
            condition.setSubject(out.victim(victim));
            if (incident.onset() != null) {
                condition.setOnset(new DateTimeType(incident.onset().toString()));
            }
            if (victim == 0 && referral.chronology() != null && !referral.chronology().isBlank()) {
                condition.addNote().setText(referral.chronology());
            }
            out.transaction().post(out.transaction().url("Condition/" + victim), condition);
        }
    }
}
