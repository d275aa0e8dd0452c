package id.lintas.hub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.platform.AppendOnlyLog;
import id.lintas.hub.protect.EncryptedFields;
import id.lintas.hub.protect.FieldCipher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Every message as received, with what became of it; rejected ones stay for diagnosis. */
@Repository
public class InboundMessageStore {

    public static final String RECEIVED = "RECEIVED";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";
    public static final String PARTIAL = "PARTIAL";
    /** Its request died before it ended and it could not be taken up again (the reason is in errors). */
    public static final String DEAD = "DEAD";

    private static final String CONTENT = EncryptedFields.INBOUND_CONTENT;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final FieldCipher cipher;
    private final AuditLog audit;

    public InboundMessageStore(JdbcClient jdbc, ObjectMapper json, FieldCipher cipher, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
    }

    /** The raw message as received, decrypted (for diagnosis). */
    public Optional<byte[]> content(UUID id) {
        return jdbc.sql("select content, content_enc from inbound_message where id = ?")
                .param(id)
                .query((rs, n) -> {
                    byte[] sealed = rs.getBytes("content_enc");
                    return sealed == null ? rs.getBytes("content") : cipher.decrypt(sealed, CONTENT, id);
                })
                .optional();
    }

    /** Back to the sweeper's candidates, to be looked at again. */
    public void unsweep(UUID id) {
        jdbc.sql("update inbound_message set swept_at = null where id = ? and outcome = ?")
                .params(id, RECEIVED)
                .update();
    }

    public Optional<String> outcomeOf(UUID id) {
        return jdbc.sql("select outcome from inbound_message where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** Keeps the raw message before anything else happens to it. */
    public UUID keep(
            String participantId, String channel, String kind, String fileName, String mediaType, byte[] content) {
        UUID id = UUID.randomUUID();
        FieldCipher.Sealed sealed = cipher.encrypt(content, CONTENT, id);
        jdbc.sql("insert into inbound_message (id, participant_id, channel, kind, file_name, media_type, content_enc,"
                        + " content_key, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, participantId, channel, kind, fileName, mediaType, sealed.bytes(), sealed.keyId(), RECEIVED)
                .update();
        return id;
    }

    /**
     * Records what became of a message; a refusal (in whole or in part) is audited in the same transaction,
     * with the names of the fields that were wrong and never their values or the reasons' words.
     */
    @Transactional
    public void outcome(UUID id, String outcome, List<? extends Map<String, ?>> errors, UUID referralId) {
        List<String> sender = jdbc.sql(
                        "update inbound_message set outcome = ?, errors = cast(? as jsonb), referral_id = ?"
                                + " where id = ? returning participant_id")
                .params(outcome, toJson(errors), referralId, id)
                .query(String.class)
                .list();
        if (!ACCEPTED.equals(outcome) && !sender.isEmpty()) {
            List<String> fields = errors == null
                    ? List.of()
                    : errors.stream()
                            .map(error -> String.valueOf(error.get("field")))
                            .map(field -> field.length() > 200 ? field.substring(0, 200) : field)
                            .distinct()
                            .sorted()
                            .toList();
            audit.append(AuditEvent.of(AuditKind.INTAKE_REFUSED)
                    .withActor(sender.get(0), sender.get(0), "PARTICIPANT")
                    .withReferral(referralId)
                    .withParties(sender.get(0), null)
                    .withOutcome(outcome)
                    .withDetail("inbound", id.toString())
                    .withDetail("fields", fields));
        }
    }

    /** A message whose request died (a crash, a timeout) before it ended: for the sweeper. */
    public record Stale(UUID id, String participantId, String channel, String kind, String fileName) {}

    /**
     * Messages left RECEIVED for longer than any request takes, each taken once (skip locked, stamped)
     * by whichever hub instance sweeps first.
     */
    public List<Stale> takeStale(java.time.Duration olderThan, int limit) {
        return jdbc.sql("update inbound_message set swept_at = now() where id in (select id from inbound_message"
                        + " where outcome = ? and swept_at is null and received_at < ? order by received_at limit ?"
                        + " for update skip locked) returning id, participant_id, channel, kind, file_name")
                .params(
                        RECEIVED,
                        java.sql.Timestamp.from(java.time.Instant.now().minus(olderThan)),
                        limit)
                .query((rs, n) -> new Stale(
                        rs.getObject("id", UUID.class),
                        rs.getString("participant_id"),
                        rs.getString("channel"),
                        rs.getString("kind"),
                        rs.getString("file_name")))
                .list();
    }

    /** Rejected messages, newest first, without their content. */
    public List<Map<String, Object>> rejected(int limit) {
        return jdbc.sql(
                        "select id, participant_id, channel, kind, file_name, received_at, errors::text as errors"
                                + " from inbound_message where outcome in ('REJECTED', 'PARTIAL', 'DEAD') order by received_at desc limit ?")
                .param(limit)
                .query()
                .listOfRows();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This table only grows: its size is a metric ({@code lintas.log.*}). */
    @Bean
    static AppendOnlyLog inboundMessageLog() {
        return new AppendOnlyLog("inbound-messages", "inbound_message");
    }
}
