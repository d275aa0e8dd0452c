package id.lintas.adapter.kukar;

import com.fasterxml.jackson.databind.JsonNode;
import id.lintas.contracts.mapping.JsonFieldReading;
import id.lintas.contracts.mapping.Lookups;
import id.lintas.contracts.mapping.Need;
import id.lintas.contracts.mapping.RecordReading;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.spi.TranslationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;

/**
 * Reads Kukar's codes, dates, BPS region codes and phone numbers out of its JSON, by Kukar's JSON
 * paths ({@code korban[0].nik}), collecting every field error (see {@link JsonFieldReading}). Only
 * values that are shaped like codes are repeated in reasons, so staff can see which code was wrong.
 */
final class FieldReader extends JsonFieldReading implements RecordReading<JsonNode> {

    private static final Pattern CODE_SHAPE = Pattern.compile("[A-Za-z0-9_]{1,40}");
    private static final Pattern BPS_REGENCY = Pattern.compile("\\d{4}");

    FieldReader(Lookups lookups) {
        super(lookups, KukarFields.REGION);
    }

    @Override
    public boolean hasField(JsonNode record, String name) {
        return has(record, name);
    }

    @Override
    public String fieldPath(String at, String name) {
        return path(at, name);
    }

    @Override
    public LocalDate date(JsonNode parent, String at, String name, Need need) {
        return parse(text(parent, at, name, need), path(at, name), KukarFormats::parseDate, KukarFormats.EXPECTED_DATE);
    }

    LocalDateTime dateTime(JsonNode parent, String at, String name, Need need) {
        return parse(
                text(parent, at, name, need),
                path(at, name),
                KukarFormats::parseDateTime,
                KukarFormats.EXPECTED_DATE_TIME);
    }

    /** A code of one of Kukar's lists, translated to the hub's coding by the ConceptMap. */
    @Override
    public Coding code(JsonNode parent, String at, String name, String list, Need need) {
        String field = path(at, name);
        JsonNode node = present(parent, name);
        if (node == null) {
            missing(field, need);
            return null;
        }
        return translate(node, field, list);
    }

    /**
     * The codes of an array, translated; a required array must have at least one. A code sent
     * twice counts once, since it names the same thing.
     */
    List<Coding> codes(JsonNode parent, String at, String name, String list, Need need) {
        String field = path(at, name);
        List<Coding> codings = new ArrayList<>();
        List<JsonNode> items = array(parent, field, name, need);
        for (int i = 0; i < items.size(); i++) {
            codings.add(translate(items.get(i), index(field, i), list));
        }
        return distinct(codings);
    }

    /** A BPS 2014 regency code ({@code 6409}), resolved to the region it names. */
    Region bpsRegion(JsonNode parent, String at, String name, Need need) {
        String field = path(at, name);
        JsonNode node = present(parent, name);
        if (node == null) {
            missing(field, need);
            return null;
        }
        String code = scalar(node);
        if (code == null || !BPS_REGENCY.matcher(code).matches()) {
            error(field, "expected a 4-digit BPS 2014 regency code");
            return null;
        }
        Optional<Region> region = regions().byBps(code).filter(r -> !r.isProvince());
        if (region.isEmpty()) {
            error(field, "unknown region code '" + code + "' (BPS 2014)");
            return null;
        }
        return region.get();
    }

    /** A phone number as typed, in E.164. */
    String phone(JsonNode parent, String at, String name, Need need) {
        return phone(
                text(parent, at, name, need),
                path(at, name),
                true,
                "expected an Indonesian phone number such as 0812-3456-7890");
    }

    private Coding translate(JsonNode node, String field, String list) {
        String code = scalar(node);
        if (code == null || code.isBlank()) {
            error(field, "expected a code of the list " + list);
            return null;
        }
        code = code.trim();
        if (!CODE_SHAPE.matcher(code).matches()) {
            // Not shaped like a code: it may be free text typed into the wrong field, so it is not repeated.
            error(field, "not a code of the list " + list);
            return null;
        }
        try {
            return toHub(list, code, field);
        } catch (TranslationException e) {
            errors(e);
            return null;
        }
    }
}
