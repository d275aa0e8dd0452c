package id.lintas.hub.delivery;

import id.lintas.hub.protect.EncryptedFields;
import id.lintas.hub.protect.FieldCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox: deliveries owed, written in the same transaction as the change that owes them. */
@Repository
public class DeliveryRepository {

    private static final String NOTE = EncryptedFields.DELIVERY_NOTE;
    private static final String COLUMNS = "id, referral_id, recipient_id, kind, status, note, note_enc, status_at, state,"
            + " attempts, last_error, created_at, delivered_at";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    public DeliveryRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Records a referral owed to its receiver. */
    public UUID addReferral(UUID referralId, String recipientId) {
        return add(referralId, recipientId, DeliveryRecord.REFERRAL, null, null, null);
    }

    /** Records a status change owed to a participant. */
    public UUID addStatus(UUID referralId, String recipientId, String status, String note, Instant at) {
        return add(referralId, recipientId, DeliveryRecord.STATUS, status, note, at);
    }

    private UUID add(UUID referralId, String recipientId, String kind, String status, String note, Instant at) {
        UUID id = UUID.randomUUID();
        FieldCipher.Sealed sealed = note == null ? null : cipher.encrypt(note, NOTE, id);
        jdbc.sql("insert into delivery (id, referral_id, recipient_id, kind, status, note_enc, note_key, status_at, state)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, referralId, recipientId, kind, status, sealed == null ? null : sealed.bytes(),
                        sealed == null ? null : sealed.keyId(), at == null ? null : Timestamp.from(at), DeliveryRecord.PENDING)
                .update();
        return id;
    }

    public Optional<DeliveryRecord> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from delivery where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    public List<DeliveryRecord> forReferral(UUID referralId) {
        return jdbc.sql("select " + COLUMNS + " from delivery where referral_id = ? order by created_at")
                .param(referralId)
                .query(this::map)
                .list();
    }

    public List<DeliveryRecord> inState(String state, int limit) {
        return jdbc.sql("select " + COLUMNS + " from delivery where state = ? order by created_at limit ?")
                .params(state, limit)
                .query(this::map)
                .list();
    }

    /** Deliveries written but not published within the grace period: the relay's work. */
    public List<UUID> unpublished(Duration grace, int limit) {
        return jdbc.sql("select id from delivery where state = ? and created_at < ? order by created_at limit ?")
                .params(DeliveryRecord.PENDING, Timestamp.from(Instant.now().minus(grace)), limit)
                .query(UUID.class)
                .list();
    }

    public void markEnqueued(String id) {
        jdbc.sql("update delivery set state = ?, enqueued_at = now() where id = ? and state = ?")
                .params(DeliveryRecord.ENQUEUED, UUID.fromString(id), DeliveryRecord.PENDING)
                .update();
    }

    public void markAttemptFailed(UUID id, String error) {
        jdbc.sql("update delivery set attempts = attempts + 1, last_error = ? where id = ?")
                .params(error, id)
                .update();
    }

    public void markDelivered(UUID id) {
        jdbc.sql("update delivery set state = ?, attempts = attempts + 1, delivered_at = now(), last_error = null"
                        + " where id = ?")
                .params(DeliveryRecord.DELIVERED, id)
                .update();
    }

    public void markEnded(UUID id, String state, String error) {
        jdbc.sql("update delivery set state = ?, last_error = ? where id = ?")
                .params(state, error, id)
                .update();
    }

    /** Puts a dead or failed delivery back in the outbox, for an operator's retry. */
    public boolean resetForRetry(UUID id) {
        return jdbc.sql("update delivery set state = ?, created_at = now() where id = ? and state in (?, ?)")
                .params(DeliveryRecord.PENDING, id, DeliveryRecord.DEAD, DeliveryRecord.FAILED)
                .update() == 1;
    }

    private DeliveryRecord map(ResultSet rs, int row) throws SQLException {
        byte[] sealedNote = rs.getBytes("note_enc");
        String note = sealedNote == null ? rs.getString("note") : cipher.decryptString(sealedNote, NOTE, rs.getObject("id", UUID.class));
        return new DeliveryRecord(
                rs.getObject("id", UUID.class),
                rs.getObject("referral_id", UUID.class),
                rs.getString("recipient_id"),
                rs.getString("kind"),
                rs.getString("status"),
                note,
                instant(rs, "status_at"),
                rs.getString("state"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
