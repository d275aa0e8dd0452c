package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.terminology.Terminology;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;

/**
 * The forms of violence one victim suffered: one Condition per value of {@code Bentuk Kekerasan}, each
 * carrying the incident's place, region and date, since each victim's row may say them differently.
 */
final class ConditionMapper {

    static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private static final String VIOLENCE = "KEKERASAN";

    private final Terminology terminology;

    ConditionMapper(Terminology terminology) {
        this.terminology = terminology;
    }

    List<Condition> toConditions(RujukanRow.Incident incident, Reference victim) {
        List<Condition> conditions = new ArrayList<>();
        for (Coding form : incident.forms()) {
            Condition condition = new Condition();
            Fhir.profile(condition, Canonical.PROFILE_VIOLENCE);
            condition.setClinicalStatus(Fhir.concept(new Coding(CLINICAL, "active", "Active")));
            condition.setVerificationStatus(Fhir.concept(new Coding(VERIFICATION, "provisional", "Provisional")));
            condition.addCategory(Fhir.concept(Fhir.hub(terminology, Canonical.CS_CONDITION_CATEGORY, VIOLENCE)));
            condition.setCode(Fhir.concept(form.copy()));
            condition.setSubject(victim.copy());
            if (incident.date() != null) {
                condition.setOnset(Fhir.dateTime(incident.date()));
            }
            if (incident.region() != null) {
                condition.addExtension(Canonical.EXT_INCIDENT_REGION, Fhir.region(incident.region()));
            }
            if (incident.place() != null) {
                condition.addExtension(
                        Canonical.EXT_INCIDENT_PLACE, incident.place().copy());
            }
            conditions.add(condition);
        }
        return conditions;
    }

    /** The incident cells of one victim's row, from that victim's Conditions. */
    void render(List<Condition> conditions, int victimNumber, Rendering out, Rendering.Cells cells) {
        if (conditions.isEmpty()) {
            return;
        }
        cells.put(
                BENTUK_KEKERASAN,
                conditions.stream()
                        .map(c -> out.code(
                                LIST_BENTUK_KEKERASAN,
                                Fhir.coding(c.getCode(), Canonical.CS_VIOLENCE_FORM),
                                BENTUK_KEKERASAN))
                        .filter(Objects::nonNull)
                        .distinct()
                        .collect(Collectors.joining(", ")));
        // PPU has one place, region and date per victim; the first Condition that has each one speaks for all.
        conditions.stream()
                .map(c -> Fhir.codingValue(c, Canonical.EXT_INCIDENT_PLACE))
                .filter(Objects::nonNull)
                .findFirst()
                .ifPresent(place -> cells.put(TEMPAT_KEJADIAN, out.code(LIST_TEMPAT_KEJADIAN, place, TEMPAT_KEJADIAN)));
        conditions.stream()
                .map(c -> Fhir.codingValue(c, Canonical.EXT_INCIDENT_REGION))
                .filter(Objects::nonNull)
                .findFirst()
                .ifPresent(region -> cells.put(KAB_KOTA_KEJADIAN, out.regionName(region, KAB_KOTA_KEJADIAN)));
        conditions.stream()
                .filter(Condition::hasOnsetDateTimeType)
                .map(Condition::getOnsetDateTimeType)
                .findFirst()
                .ifPresent(onset -> onset(onset, victimNumber, out, cells));
    }

    private static void onset(DateTimeType onset, int victimNumber, Rendering out, Rendering.Cells cells) {
        String date = Rendering.calendarDate(onset);
        cells.put(TGL_KEJADIAN, date);
        if (date == null) {
            out.note("Korban " + victimNumber
                    + ": Tgl Kejadian hanya diketahui sebagian / incident date known only in part: "
                    + onset.getValueAsString());
        }
    }
}
