package id.lintas.hub.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The exact bytes of an audit entry (docs/audit.md, "Entry"): the event as an RFC 8785 canonical JSON
 * object, version {@code "v": 1}. The Merkle tree's leaf is computed over these bytes, so decoding and
 * encoding again must give them back: {@link #decode} refuses bytes that are not canonical.
 */
public final class EntryEncoding {

    /** The entry format version this code writes and reads. */
    public static final int VERSION = 1;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private EntryEncoding() {}

    public static byte[] encode(AuditEvent event) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("v", VERSION);
        entry.put("kind", event.kind().name());
        entry.put("at", TIME.format(event.at()));
        if (event.actor() != null) {
            Map<String, Object> actor = new LinkedHashMap<>();
            actor.put("account", event.actor().account());
            actor.put("participant", event.actor().participant());
            actor.put("role", event.actor().role());
            entry.put("actor", actor);
        }
        entry.put(
                "referral",
                event.referralId() == null ? null : event.referralId().toString());
        entry.put("sender", event.sender());
        entry.put("receiver", event.receiver());
        if (event.agreementId() != null || event.agreementVersion() != null) {
            Map<String, Object> agreement = new LinkedHashMap<>();
            agreement.put("id", event.agreementId());
            agreement.put("version", event.agreementVersion());
            entry.put("agreement", agreement);
        }
        entry.put("outcome", event.outcome());
        if (!event.details().isEmpty()) {
            entry.put("details", event.details());
        }
        if (event.commitment() != null) {
            entry.put(
                    "commitment",
                    Map.of(
                            "alg",
                            "HMAC-SHA256",
                            "key",
                            event.commitment().keyId(),
                            "mac",
                            Base64.getEncoder()
                                    .encodeToString(event.commitment().mac())));
        }
        return CanonicalJson.encode(entry);
    }

    /**
     * The event an entry holds.
     *
     * @throws IllegalArgumentException naming what is wrong when the bytes are not a canonical version 1 entry
     */
    public static AuditEvent decode(byte[] bytes) {
        JsonNode entry;
        try {
            entry = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (entry == null || !entry.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (entry.path("v").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("entry version " + entry.path("v") + " is not " + VERSION);
        }
        AuditEvent event;
        try {
            JsonNode actor = entry.get("actor");
            JsonNode agreement = entry.get("agreement");
            JsonNode commitment = entry.get("commitment");
            event = new AuditEvent(
                    AuditKind.valueOf(text(entry, "kind")),
                    Instant.parse(text(entry, "at")),
                    actor == null
                            ? null
                            : new AuditEvent.Actor(
                                    text(actor, "account"), text(actor, "participant"), text(actor, "role")),
                    entry.has("referral") ? UUID.fromString(text(entry, "referral")) : null,
                    text(entry, "sender"),
                    text(entry, "receiver"),
                    agreement == null ? null : text(agreement, "id"),
                    agreement == null || !agreement.has("version")
                            ? null
                            : agreement.get("version").intValue(),
                    text(entry, "outcome"),
                    details(entry.get("details")),
                    commitment == null
                            ? null
                            : new AuditEvent.Commitment(
                                    text(commitment, "key"), Base64.getDecoder().decode(text(commitment, "mac"))));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an audit entry: " + e.getMessage());
        }
        if (!Arrays.equals(encode(event), bytes)) {
            throw new IllegalArgumentException("not the canonical encoding (RFC 8785) of the event it holds");
        }
        return event;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return value.textValue();
    }

    private static Map<String, Object> details(JsonNode details) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (details == null) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = details.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                out.put(field.getKey(), value.textValue());
            } else if (value.isIntegralNumber()) {
                out.put(field.getKey(), value.longValue());
            } else if (value.isBoolean()) {
                out.put(field.getKey(), value.booleanValue());
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.textValue()));
                out.put(field.getKey(), items);
            } else {
                throw new IllegalArgumentException(
                        "detail " + field.getKey() + " is not a string, integer, boolean or list");
            }
        }
        return out;
    }
}
