package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDate;
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
import org.w3c.dom.Element;

/**
 * {@code <kejadian>}: one canonical {@code Condition} (profile lintas-violence) per victim per
 * form of violence ({@code jenis_kekerasan}). The summary ({@code ringkasan}) goes to {@code Task.note}.
 */
final class ViolenceMapper {

    static final String FORM_SEXUAL = "SEKSUAL";
    static final String PLACE_HOUSEHOLD = "RUMAH_TANGGA";

    private static final String AT = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.KEJADIAN);

    /** What Prabumulih says about the incident, read and translated. */
    record Incident(DateTimeType onset, Coding place, Region region, String chronology, List<Coding> forms) {

        /** Sexual or domestic violence: the victims' records get the SDV sensitivity label. */
        boolean isSexualOrDomestic() {
            return forms.stream().anyMatch(f -> FORM_SEXUAL.equals(f.getCode()))
                    || (place != null && PLACE_HOUSEHOLD.equals(place.getCode()));
        }
    }

    private ViolenceMapper() {}

    static Incident read(Element root, FieldReader in) {
        Element incident = in.element(root, TaskMapper.ROOT, PrabumulihFields.KEJADIAN, REQUIRED);
        if (incident == null) {
            return new Incident(null, null, null, null, List.of());
        }
        LocalDate date = in.date(incident, AT, PrabumulihFields.TANGGAL, REQUIRED);
        Coding place =
                in.code(incident, AT, PrabumulihFields.KATEGORI_LOKASI, PrabumulihFields.LIST_KATEGORI_LOKASI, REQUIRED);
        Region region = in.region(in.text(incident, AT, PrabumulihFields.KOTKAB, REQUIRED),
                FieldReader.path(AT, PrabumulihFields.KOTKAB));
        List<Coding> forms =
                in.codes(incident, AT, PrabumulihFields.JENIS_KEKERASAN, PrabumulihFields.LIST_JENIS_KEKERASAN);
        String chronology = in.text(incident, AT, PrabumulihFields.RINGKASAN, OPTIONAL);
        return new Incident(date == null ? null : new DateTimeType(date.toString()), place, region, chronology, forms);
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

    /**
     * Prabumulih's {@code kejadian}: date, place and region of the first Condition that has them, the
     * forms of the whole case (each once), and the summary; nothing when the bundle holds none of it.
     */
    static void write(Bundle bundle, String chronology, RenderContext out, Element kasus) {
        List<Condition> conditions = Bundles.all(bundle, Condition.class);
        if (conditions.isEmpty() && chronology == null) {
            return;
        }
        Element incident = XmlDocuments.add(kasus, PrabumulihFields.KEJADIAN);
        conditions.stream().filter(Condition::hasOnsetDateTimeType).findFirst().ifPresent(c -> XmlDocuments.addText(
                incident, PrabumulihFields.TANGGAL,
                PrabumulihFormats.date(out, c.getOnsetDateTimeType(), FieldReader.path(AT, PrabumulihFields.TANGGAL))));
        conditions.stream()
                .map(c -> Fhir.extensionCoding(c, Canonical.EXT_INCIDENT_PLACE))
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(place -> XmlDocuments.addText(incident, PrabumulihFields.KATEGORI_LOKASI, out.code(
                        PrabumulihFields.LIST_KATEGORI_LOKASI, place,
                        FieldReader.path(AT, PrabumulihFields.KATEGORI_LOKASI))));
        conditions.stream()
                .map(c -> Fhir.extensionCoding(c, Canonical.EXT_INCIDENT_REGION))
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(region -> XmlDocuments.addText(incident, PrabumulihFields.KOTKAB,
                        PrabumulihFormats.compact(out, region, FieldReader.path(AT, PrabumulihFields.KOTKAB))));
        writeForms(conditions, out, incident);
        XmlDocuments.addText(incident, PrabumulihFields.RINGKASAN, chronology);
    }

    /** Prabumulih records the forms per case, the model per victim: the same form is written once. */
    private static void writeForms(List<Condition> conditions, RenderContext out, Element incident) {
        String at = FieldReader.path(AT, PrabumulihFields.JENIS_KEKERASAN);
        Map<String, Coding> distinct = new LinkedHashMap<>();
        for (Condition condition : conditions) {
            Optional<Coding> form = Fhir.coding(condition.getCode(), Canonical.CS_VIOLENCE_FORM);
            if (form.isEmpty()) {
                out.error(at, "a form of violence has no code from " + Canonical.CS_VIOLENCE_FORM);
            } else {
                distinct.putIfAbsent(form.get().getCode(), form.get());
            }
        }
        List<String> written = new ArrayList<>();
        int position = 0;
        for (Coding form : distinct.values()) {
            String field = FieldReader.attributePath(FieldReader.index(at, position++), PrabumulihFields.KODE);
            String code = out.code(PrabumulihFields.LIST_JENIS_KEKERASAN, form, field);
            if (code != null && !written.contains(code)) {
                written.add(code);
                XmlDocuments.attribute(XmlDocuments.add(incident, PrabumulihFields.JENIS_KEKERASAN), PrabumulihFields.KODE, code);
            }
        }
    }
}
