package id.lintas.adapter.kukar;

import com.fasterxml.jackson.databind.JsonNode;
import id.lintas.contracts.mapping.FieldReading;
import id.lintas.contracts.mapping.Lookups;
import id.lintas.contracts.mapping.Need;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.spi.TranslationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;

/**
 * Reads typed values out of a Kukar JSON document by Kukar's JSON paths ({@code korban[0].nik}),
 * collecting every field error (see {@link FieldReading}). Only values that are shaped like codes
 * are repeated in reasons, so staff can see which code was wrong.
 */
final class FieldReader extends FieldReading {

    private static final Pattern CODE_SHAPE = Pattern.compile("[A-Za-z0-9_]{1,40}");
    private static final Pattern BPS_REGENCY = Pattern.compile("\\d{4}");

    FieldReader(Lookups lookups) {
        super(lookups, KukarFields.REGION);
    }

    static String path(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** Whether the field is there at all (JSON null counts as absent). */
    static boolean has(JsonNode parent, String name) {
        return present(parent, name) != null;
    }

    JsonNode object(JsonNode parent, String at, String name, Need need) {
        String field = path(at, name);
        JsonNode node = present(parent, name);
        if (node == null) {
            missing(field, need);
            return null;
        }
        if (!node.isObject()) {
            error(field, "expected an object");
            return null;
        }
        return node;
    }

    /** The objects of an array; a required array must have at least one. */
    List<JsonNode> objects(JsonNode parent, String at, String name, Need need) {
        String field = path(at, name);
        List<JsonNode> result = new ArrayList<>();
        List<JsonNode> items = array(parent, field, name, need);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (item.isObject()) {
                result.add(item);
            } else {
                error(index(field, i), "expected an object");
                // Keep the positions aligned with Kukar's indexes in later error messages.
                result.add(null);
            }
        }
        return result;
    }

    String text(JsonNode parent, String at, String name, Need need) {
        String field = path(at, name);
        JsonNode node = present(parent, name);
        if (node == null) {
            missing(field, need);
            return null;
        }
        if (!node.isTextual()) {
            error(field, "expected text");
            return null;
        }
        String value = node.textValue().trim();
        if (value.isEmpty()) {
            missing(field, need);
            return null;
        }
        return value;
    }

    Integer integer(JsonNode parent, String at, String name, Need need, int min, int max) {
        String field = path(at, name);
        JsonNode node = present(parent, name);
        if (node == null) {
            missing(field, need);
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            error(field, "expected a whole number");
            return null;
        }
        int value = node.intValue();
        if (value < min || value > max) {
            error(field, "expected a number from " + min + " to " + max);
            return null;
        }
        return value;
    }

    LocalDate date(JsonNode parent, String at, String name, Need need) {
        return parse(text(parent, at, name, need), path(at, name), KukarFormats::parseDate, KukarFormats.EXPECTED_DATE);
    }

    LocalDateTime dateTime(JsonNode parent, String at, String name, Need need) {
        return parse(text(parent, at, name, need), path(at, name), KukarFormats::parseDateTime,
                KukarFormats.EXPECTED_DATE_TIME);
    }

    /** One of a few fixed words of the format itself ({@code Ya}/{@code Tidak}, {@code WNI}/{@code WNA}). */
    String oneOf(JsonNode parent, String at, String name, Need need, Set<String> allowed) {
        String text = text(parent, at, name, need);
        if (text == null) {
            return null;
        }
        for (String word : allowed) {
            if (word.equalsIgnoreCase(text)) {
                return word;
            }
        }
        error(path(at, name), "expected one of " + String.join(", ", allowed));
        return null;
    }

    /** A code of one of Kukar's lists, translated to the hub's coding by the ConceptMap. */
    Coding code(JsonNode parent, String at, String name, String list, Need need) {
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
        return phone(text(parent, at, name, need), path(at, name), true,
                "expected an Indonesian phone number such as 0812-3456-7890");
    }

    private List<JsonNode> array(JsonNode parent, String field, String name, Need need) {
        JsonNode node = present(parent, name);
        if (node == null) {
            missing(field, need);
            return List.of();
        }
        if (!node.isArray()) {
            error(field, "expected an array");
            return List.of();
        }
        if (node.isEmpty() && need == Need.REQUIRED) {
            error(field, "needs at least one entry");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
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

    private static JsonNode present(JsonNode parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** A code may come as text or, for numeric lists such as {@code pendidikan}, as a number. */
    private static String scalar(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        return null;
    }
}
