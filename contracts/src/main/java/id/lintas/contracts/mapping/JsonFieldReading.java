package id.lintas.contracts.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A field reader for regions whose messages are JSON (Jackson trees): fields are named by JSON path
 * ({@code korban[0].tgl_lahir}, positions from 0), JSON null counts as absent, and a value of the
 * wrong JSON type is an error naming the field. A format's reader extends this with its codes,
 * dates and region codes.
 */
public abstract class JsonFieldReading extends FieldReading {

    protected JsonFieldReading(Lookups lookups, String region) {
        super(lookups, region);
    }

    public static String path(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    public static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** Whether the field is there at all (JSON null counts as absent). */
    public static boolean has(JsonNode parent, String name) {
        return present(parent, name) != null;
    }

    public final JsonNode object(JsonNode parent, String at, String name, Need need) {
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
    public final List<JsonNode> objects(JsonNode parent, String at, String name, Need need) {
        String field = path(at, name);
        List<JsonNode> result = new ArrayList<>();
        List<JsonNode> items = array(parent, field, name, need);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (item.isObject()) {
                result.add(item);
            } else {
                error(index(field, i), "expected an object");
                // Keep the positions aligned with the message's indexes in later error messages.
                result.add(null);
            }
        }
        return result;
    }

    public final String text(JsonNode parent, String at, String name, Need need) {
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

    public final Integer integer(JsonNode parent, String at, String name, Need need, int min, int max) {
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

    /** One of a few fixed words of the format itself ({@code Ya}/{@code Tidak}, {@code WNI}/{@code WNA}). */
    public final String oneOf(JsonNode parent, String at, String name, Need need, Set<String> allowed) {
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

    protected final List<JsonNode> array(JsonNode parent, String field, String name, Need need) {
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

    protected static JsonNode present(JsonNode parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** A code may come as text or, for numeric lists such as {@code pendidikan}, as a number. */
    protected static String scalar(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        return null;
    }
}
