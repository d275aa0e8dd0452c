package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;

/**
 * {@code kejadian} and {@code bentuk_kekerasan}: one canonical {@code Condition} (profile
 * lintas-violence) per victim per form of violence. The chronology goes to {@code Task.note}.
 */
final class ViolenceMapper {

    static final String FORM_SEXUAL = "SEKSUAL";
    static final String PLACE_HOUSEHOLD = "RUMAH_TANGGA";

    /** What Kukar says about the incident, read and translated. */
    record Incident(DateTimeType onset, Coding place, Region region, String chronology, List<Coding> forms) {

        /** Sexual or domestic violence: the victims' records get the SDV sensitivity label. */
        boolean isSexualOrDomestic() {
            return forms.stream().anyMatch(f -> FORM_SEXUAL.equals(f.getCode()))
                    || (place != null && PLACE_HOUSEHOLD.equals(place.getCode()));
        }
    }

    private ViolenceMapper() {}

    static Incident read(JsonNode root, FieldReader in) {
        List<Coding> forms =
                in.codes(root, "", KukarFields.BENTUK_KEKERASAN, KukarFields.LIST_BENTUK_KEKERASAN, REQUIRED);
        JsonNode incident = in.object(root, "", KukarFields.KEJADIAN, REQUIRED);
        if (incident == null) {
            return new Incident(null, null, null, null, forms);
        }
        String at = KukarFields.KEJADIAN;
        DateTimeType onset = onset(incident, at, in);
        Coding place = in.code(incident, at, KukarFields.TEMPAT, KukarFields.LIST_TEMPAT, REQUIRED);
        Region region = in.bpsRegion(incident, at, KukarFields.KODE_WILAYAH, REQUIRED);
        String chronology = in.text(incident, at, KukarFields.KRONOLOGI, OPTIONAL);
        return new Incident(onset, place, region, chronology, forms);
    }

    /** {@code dd-MM-yyyy} with day precision, or {@code 00-MM-yyyy} with month precision. */
    private static DateTimeType onset(JsonNode incident, String at, FieldReader in) {
        String text = in.text(incident, at, KukarFields.TGL_KEJADIAN, REQUIRED);
        if (text == null) {
            return null;
        }
        Optional<YearMonth> month = KukarFormats.parseMonthOnly(text);
        if (month.isPresent()) {
            return new DateTimeType(month.get().toString());
        }
        Optional<LocalDate> day = KukarFormats.parseDate(text);
        if (day.isPresent()) {
            return new DateTimeType(day.get().toString());
        }
        in.error(FieldReader.path(at, KukarFields.TGL_KEJADIAN), KukarFormats.EXPECTED_INCIDENT_DATE);
        return null;
    }

    static List<Condition> toConditions(Incident incident, Reference victim, Terminology terminology) {
        List<Condition> conditions = new ArrayList<>();
        for (Coding form : incident.forms()) {
            Condition condition = new Condition();
            Fhir.profile(condition, Canonical.PROFILE_VIOLENCE);
            condition.setClinicalStatus(new CodeableConcept(new Coding(Fhir.CONDITION_CLINICAL, "active", "Active")));
            condition.setVerificationStatus(
                    new CodeableConcept(new Coding(Fhir.CONDITION_VERIFICATION, "provisional", "Provisional")));
            condition.addCategory(new CodeableConcept(Fhir.hubCoding(
                    terminology, Canonical.CS_CONDITION_CATEGORY, Fhir.CONDITION_CATEGORY_VIOLENCE)));
            condition.setCode(new CodeableConcept(form.copy()));
            condition.setSubject(victim);
            condition.setOnset(incident.onset().copy());
            condition.addExtension(Canonical.EXT_INCIDENT_REGION, Fhir.regionCoding(incident.region()));
            condition.addExtension(Canonical.EXT_INCIDENT_PLACE, incident.place().copy());
            conditions.add(condition);
        }
        return conditions;
    }

    /** The forms of violence of the whole case, each once, in the order first met. */
    static Optional<ArrayNode> writeForms(Bundle bundle, RenderContext out) {
        List<Condition> conditions = Bundles.all(bundle, Condition.class);
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        // Kukar records the forms per case, the model per victim: the same form is written once.
        Map<String, Coding> distinct = new LinkedHashMap<>();
        for (Condition condition : conditions) {
            Optional<Coding> form = Fhir.coding(condition.getCode(), Canonical.CS_VIOLENCE_FORM);
            if (form.isEmpty()) {
                out.error(KukarFields.BENTUK_KEKERASAN, "a form of violence has no code from " + Canonical.CS_VIOLENCE_FORM);
            } else {
                distinct.putIfAbsent(form.get().getCode(), form.get());
            }
        }
        ArrayNode forms = KukarJson.MAPPER.createArrayNode();
        int position = 0;
        for (Coding form : distinct.values()) {
            String code = out.code(KukarFields.LIST_BENTUK_KEKERASAN, form,
                    FieldReader.index(KukarFields.BENTUK_KEKERASAN, position++));
            if (code != null && !ServiceRequestMapper.contains(forms, code)) {
                forms.add(code);
            }
        }
        return forms.isEmpty() ? Optional.empty() : Optional.of(forms);
    }

    /**
     * Kukar's {@code kejadian}: date, place and region of the first Condition that has them, and
     * the chronology; nothing when the receiver may see none of it.
     */
    static Optional<ObjectNode> writeIncident(Bundle bundle, String chronology, RenderContext out) {
        List<Condition> conditions = Bundles.all(bundle, Condition.class);
        ObjectNode json = KukarJson.object();
        String at = KukarFields.KEJADIAN;
        conditions.stream().filter(Condition::hasOnsetDateTimeType).findFirst().ifPresent(c -> TaskMapper.putIfPresent(
                json, KukarFields.TGL_KEJADIAN,
                KukarFormats.date(out, c.getOnsetDateTimeType(), FieldReader.path(at, KukarFields.TGL_KEJADIAN), true)));
        conditions.stream()
                .map(c -> Fhir.extensionCoding(c, Canonical.EXT_INCIDENT_PLACE))
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(place -> TaskMapper.putIfPresent(json, KukarFields.TEMPAT,
                        out.code(KukarFields.LIST_TEMPAT, place, FieldReader.path(at, KukarFields.TEMPAT))));
        conditions.stream()
                .map(c -> Fhir.extensionCoding(c, Canonical.EXT_INCIDENT_REGION))
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(region -> TaskMapper.putIfPresent(json, KukarFields.KODE_WILAYAH,
                        KukarFormats.bps(out, region, FieldReader.path(at, KukarFields.KODE_WILAYAH))));
        if (chronology != null) {
            json.put(KukarFields.KRONOLOGI, chronology);
        }
        return json.isEmpty() ? Optional.empty() : Optional.of(json);
    }
}
