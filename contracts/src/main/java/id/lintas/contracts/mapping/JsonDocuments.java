package id.lintas.contracts.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.spi.TranslationException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reading and writing the JSON documents of a region whose format is JSON, as {@link
 * JsonFieldReading} reads their fields: one strict parser (a key sent twice, or text after the
 * document, is refused rather than one value silently winning) and the few ways of writing a document.
 */
public final class JsonDocuments {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonDocuments() {}

    /**
     * Parses a body that must be one JSON object. The error, on the field {@code root} (the region's
     * name for the whole document), says where the JSON breaks but never quotes it: Jackson's own
     * messages repeat the content, which holds names.
     */
    public static ObjectNode parseObject(byte[] body, String root) throws TranslationException {
        JsonNode document;
        try {
            document = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new TranslationException(root, "malformed JSON" + where(e.getLocation()));
        } catch (IOException e) {
            throw new TranslationException(root, "malformed JSON (not readable as UTF-8 text)");
        }
        if (document == null || document.isMissingNode()) {
            throw new TranslationException(root, "malformed JSON: the body is empty");
        }
        if (!document.isObject()) {
            throw new TranslationException(root, "expected a JSON object");
        }
        return (ObjectNode) document;
    }

    public static byte[] bytes(JsonNode document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Writes the field only when there is a value: the region's documents leave unknown fields out. */
    public static void putIfPresent(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
