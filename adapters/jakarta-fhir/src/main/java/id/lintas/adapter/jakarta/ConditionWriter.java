package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.RegionTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/** Jakarta's shape of the violence: one Condition per victim, one coding per form, the chronology as the first one's note. */
final class ConditionWriter {

    private final Codes codes;
    private final RegionTable regions;

    ConditionWriter(Codes codes, RegionTable regions) {
        this.codes = codes;
        this.regions = regions;
    }

    void write(Outbound out) {
        Task source = Bundles.task(out.in());
        Map<String, List<Condition>> byVictim = new LinkedHashMap<>();
        for (Condition condition : Bundles.all(out.in(), Condition.class)) {
            byVictim.computeIfAbsent(condition.getSubject().getReference(), k -> new ArrayList<>()).add(condition);
        }
        String chronology = source.getNote().stream()
                .filter(n -> n.hasText() && !n.getText().isBlank())
                .map(n -> n.getText())
                .findFirst()
                .orElse(null);
        int index = 0;
        for (Map.Entry<String, List<Condition>> victim : byVictim.entrySet()) {
            Condition condition = new Condition();
            Condition first = victim.getValue().get(0);
            first.getExtension().stream()
                    .filter(e -> Canonical.EXT_INCIDENT_REGION.equals(e.getUrl()) && e.getValue() instanceof Coding)
                    .map(e -> (Coding) e.getValue())
                    .findFirst()
                    .ifPresent(region -> {
                        String compact = Fhir.compact(regions, out.errors(), region.getCode(),
                                Fhir.extensionPath("Condition", JakartaFhir.EXT_LOKASI_KEJADIAN));
                        if (compact != null) {
                            condition.addExtension(JakartaFhir.EXT_LOKASI_KEJADIAN, new CodeType(compact));
                        }
                    });
            if (first.hasClinicalStatus()) {
                condition.setClinicalStatus(first.getClinicalStatus().copy());
            }
            if (first.hasVerificationStatus()) {
                condition.setVerificationStatus(first.getVerificationStatus().copy());
            }
            CodeableConcept code = new CodeableConcept();
            Set<String> written = new LinkedHashSet<>();
            for (int i = 0; i < victim.getValue().size(); i++) {
                Optional<Coding> form = Fhir.coding(victim.getValue().get(i).getCode(), Canonical.CS_VIOLENCE_FORM);
                if (form.isEmpty()) {
                    out.errors().add("Condition.code", "a form of violence has no code from " + Canonical.CS_VIOLENCE_FORM);
                    continue;
                }
                String jakarta = codes.fromHub(out.errors(), JakartaFhir.LIST_JENIS_KEKERASAN, form.get(),
                        "Condition.code.coding[" + i + "]");
                if (jakarta != null && written.add(jakarta)) {
                    code.addCoding(new Coding(JakartaFhir.CS_JENIS_KEKERASAN, jakarta, null));
                }
            }
            condition.setCode(code);
            Reference subject = out.ref(new Reference(victim.getKey()));
            if (subject != null) {
                condition.setSubject(subject);
            }
            if (first.hasOnsetDateTimeType()) {
                condition.setOnset(first.getOnsetDateTimeType().copy());
            }
            if (chronology != null && index == 0) {
                condition.addNote().setText(chronology);
            }
            out.transaction().post(out.transaction().url("Condition/" + index++), condition);
        }
    }
}
