package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.region.Region;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.w3c.dom.Element;

/**
 * {@code <kejadian>}: the incident of the typed referral, the same for every victim, with its forms
 * of violence ({@code jenis_kekerasan}). The summary ({@code ringkasan}) is the referral's chronology.
 */
final class ViolenceMapper {

    private static final String AT = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.KEJADIAN);

    private ViolenceMapper() {}

    static void read(Element root, FieldReader in, Referral.Builder referral) {
        Element incident = in.element(root, TaskMapper.ROOT, PrabumulihFields.KEJADIAN, REQUIRED);
        if (incident == null) {
            referral.incident(new Incident(List.of(), null, null, null));
            return;
        }
        LocalDate date = in.date(incident, AT, PrabumulihFields.TANGGAL, REQUIRED);
        Coding place = in.code(
                incident, AT, PrabumulihFields.KATEGORI_LOKASI, PrabumulihFields.LIST_KATEGORI_LOKASI, REQUIRED);
        Region region = in.region(
                in.text(incident, AT, PrabumulihFields.KOTKAB, REQUIRED),
                FieldReader.path(AT, PrabumulihFields.KOTKAB));
        List<String> forms = FieldReader.hubCodes(
                in.codes(incident, AT, PrabumulihFields.JENIS_KEKERASAN, PrabumulihFields.LIST_JENIS_KEKERASAN));
        referral.chronology(in.text(incident, AT, PrabumulihFields.RINGKASAN, OPTIONAL));
        referral.incident(new Incident(
                forms, date == null ? null : PartialDateTime.of(date), region, FieldReader.hubCode(place)));
    }

    /**
     * Prabumulih's {@code kejadian}: date, place and region, the forms of the whole case (each once),
     * and the summary; nothing when the referral holds none of it.
     */
    static void write(Referral referral, RenderContext out, Element kasus) {
        Incident incident = referral.incident();
        if (incident == null && referral.chronology() == null) {
            return;
        }
        Element element = XmlDocuments.add(kasus, PrabumulihFields.KEJADIAN);
        if (incident != null) {
            if (incident.onset() != null) {
                XmlDocuments.addText(
                        element,
                        PrabumulihFields.TANGGAL,
                        PrabumulihFormats.date(out, incident.onset(), FieldReader.path(AT, PrabumulihFields.TANGGAL)));
            }
            XmlDocuments.addText(
                    element,
                    PrabumulihFields.KATEGORI_LOKASI,
                    out.code(
                            PrabumulihFields.LIST_KATEGORI_LOKASI,
                            Canonical.CS_INCIDENT_PLACE,
                            incident.place(),
                            FieldReader.path(AT, PrabumulihFields.KATEGORI_LOKASI)));
            if (incident.region() != null) {
                XmlDocuments.addText(
                        element,
                        PrabumulihFields.KOTKAB,
                        PrabumulihFormats.compact(
                                out, incident.region(), FieldReader.path(AT, PrabumulihFields.KOTKAB)));
            }
            writeForms(incident, out, element);
        }
        XmlDocuments.addText(element, PrabumulihFields.RINGKASAN, referral.chronology());
    }

    private static void writeForms(Incident incident, RenderContext out, Element element) {
        String at = FieldReader.path(AT, PrabumulihFields.JENIS_KEKERASAN);
        for (String code : out.codes(
                PrabumulihFields.LIST_JENIS_KEKERASAN,
                Canonical.CS_VIOLENCE_FORM,
                incident.forms(),
                i -> FieldReader.attributePath(FieldReader.index(at, i), PrabumulihFields.KODE))) {
            XmlDocuments.attribute(
                    XmlDocuments.add(element, PrabumulihFields.JENIS_KEKERASAN), PrabumulihFields.KODE, code);
        }
    }
}
