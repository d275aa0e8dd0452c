package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.JsonDocuments;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.region.Region;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;

/**
 * {@code kejadian} and {@code bentuk_kekerasan}: the incident of the typed referral, the same for
 * every victim. The chronology ({@code kronologi}) is the referral's.
 */
final class ViolenceMapper {

    private ViolenceMapper() {}

    static void read(JsonNode root, FieldReader in, Referral.Builder referral) {
        List<String> forms = FieldReader.hubCodes(
                in.codes(root, "", KukarFields.BENTUK_KEKERASAN, KukarFields.LIST_BENTUK_KEKERASAN, REQUIRED));
        JsonNode incident = in.object(root, "", KukarFields.KEJADIAN, REQUIRED);
        if (incident == null) {
            referral.incident(new Incident(forms, null, null, null));
            return;
        }
        String at = KukarFields.KEJADIAN;
        PartialDateTime onset = onset(incident, at, in);
        Coding place = in.code(incident, at, KukarFields.TEMPAT, KukarFields.LIST_TEMPAT, REQUIRED);
        Region region = in.bpsRegion(incident, at, KukarFields.KODE_WILAYAH, REQUIRED);
        referral.chronology(in.text(incident, at, KukarFields.KRONOLOGI, OPTIONAL));
        referral.incident(new Incident(forms, onset, region, FieldReader.hubCode(place)));
    }

    /** {@code dd-MM-yyyy} with day precision, or {@code 00-MM-yyyy} with month precision. */
    private static PartialDateTime onset(JsonNode incident, String at, FieldReader in) {
        String text = in.text(incident, at, KukarFields.TGL_KEJADIAN, REQUIRED);
        if (text == null) {
            return null;
        }
        Optional<YearMonth> month = KukarFormats.parseMonthOnly(text);
        if (month.isPresent()) {
            return PartialDateTime.of(month.get());
        }
        Optional<LocalDate> day = KukarFormats.parseDate(text);
        if (day.isPresent()) {
            return PartialDateTime.of(day.get());
        }
        in.error(FieldReader.path(at, KukarFields.TGL_KEJADIAN), KukarFormats.EXPECTED_INCIDENT_DATE);
        return null;
    }

    /** The forms of violence of the whole case, each once. */
    static Optional<ArrayNode> writeForms(Referral referral, RenderContext out) {
        if (referral.incident() == null) {
            return Optional.empty();
        }
        ArrayNode forms = JsonDocuments.MAPPER.createArrayNode();
        out.codes(
                        KukarFields.LIST_BENTUK_KEKERASAN,
                        Canonical.CS_VIOLENCE_FORM,
                        referral.incident().forms(),
                        i -> FieldReader.index(KukarFields.BENTUK_KEKERASAN, i))
                .forEach(forms::add);
        return forms.isEmpty() ? Optional.empty() : Optional.of(forms);
    }

    /** Kukar's {@code kejadian}: date, place, region and chronology; nothing when the receiver may see none of it. */
    static Optional<ObjectNode> writeIncident(Referral referral, RenderContext out) {
        ObjectNode json = JsonDocuments.object();
        String at = KukarFields.KEJADIAN;
        Incident incident = referral.incident();
        if (incident != null) {
            if (incident.onset() != null) {
                JsonDocuments.putIfPresent(
                        json,
                        KukarFields.TGL_KEJADIAN,
                        KukarFormats.date(out, incident.onset(), FieldReader.path(at, KukarFields.TGL_KEJADIAN), true));
            }
            JsonDocuments.putIfPresent(
                    json,
                    KukarFields.TEMPAT,
                    out.code(
                            KukarFields.LIST_TEMPAT,
                            Canonical.CS_INCIDENT_PLACE,
                            incident.place(),
                            FieldReader.path(at, KukarFields.TEMPAT)));
            if (incident.region() != null) {
                String field = FieldReader.path(at, KukarFields.KODE_WILAYAH);
                JsonDocuments.putIfPresent(
                        json,
                        KukarFields.KODE_WILAYAH,
                        out.known(incident.region(), field)
                                .map(region -> KukarFormats.bps(out, region, field))
                                .orElse(null));
            }
        }
        JsonDocuments.putIfPresent(json, KukarFields.KRONOLOGI, referral.chronology());
        return json.isEmpty() ? Optional.empty() : Optional.of(json);
    }
}
