package id.lintas.adapter.kukar;

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

/** Reading and writing Kukar's JSON documents. */
final class KukarJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            // A key sent twice would let one value silently win over the other.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private KukarJson() {}

    /**
     * Parses a body that must be one JSON object. The error says where the JSON breaks but never
     * quotes it: Jackson's own messages repeat the content, which holds names.
     */
    static ObjectNode parseObject(byte[] body) throws TranslationException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new TranslationException(KukarFields.ROOT, "malformed JSON" + where(e.getLocation()));
        } catch (IOException e) {
            throw new TranslationException(KukarFields.ROOT, "malformed JSON (not readable as UTF-8 text)");
        }
        if (root == null || root.isMissingNode()) {
            throw new TranslationException(KukarFields.ROOT, "malformed JSON: the body is empty");
        }
        if (!root.isObject()) {
            throw new TranslationException(KukarFields.ROOT, "expected a JSON object");
        }
        return (ObjectNode) root;
    }

    static byte[] bytes(ObjectNode document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void putIfPresent(ObjectNode json, String name, String value) {
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
