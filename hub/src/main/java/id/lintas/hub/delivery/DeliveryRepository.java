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
    private static final String COLUMNS =
            "id, referral_id, recipient_id, kind, status, note, note_enc, status_at, state,"
                    + " attempts, last_error, created_at, delivered_at";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    public DeliveryRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Records a referral owed to its receiver. */
    public OwedDelivery addReferral(UUID referralId, String recipientId) {
        return add(referralId, recipientId, DeliveryRecord.REFERRAL, null, null, null);
    }

    /** Records a status change owed to a participant. */
    public OwedDelivery addStatus(UUID referralId, String recipientId, String status, String note, Instant at) {
        return add(referralId, recipientId, DeliveryRecord.STATUS, status, note, at);
    }

    private OwedDelivery add(UUID referralId, String recipientId, String kind, String status, String note, Instant at) {
        UUID id = UUID.randomUUID();
        FieldCipher.Sealed sealed = note == null ? null : cipher.encrypt(note, NOTE, id);
        jdbc.sql(
                        "insert into delivery (id, referral_id, recipient_id, kind, status, note_enc, note_key, status_at, state)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        referralId,
                        recipientId,
                        kind,
                        status,
                        sealed == null ? null : sealed.bytes(),
                        sealed == null ? null : sealed.keyId(),
                        at == null ? null : Timestamp.from(at),
                        DeliveryRecord.PENDING)
                .update();
        return new OwedDelivery(id, recipientId);
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

    public List<DeliveryRecord> inState(String state, String recipientId, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from delivery where state = ? and recipient_id = ? order by created_at limit ?")
                .params(state, recipientId, limit)
                .query(this::map)
                .list();
    }

    /**
     * Deliveries written but not published within the grace period: the relay's work. Taken with
     * skip locked and stamped, so hub instances relaying at once do not take the same rows.
     */
    public List<OwedDelivery> unpublished(Duration grace, int limit) {
        Timestamp before = Timestamp.from(Instant.now().minus(grace));
        return jdbc.sql("update delivery set updated_at = now() where id in (select id from delivery"
                        + " where state = ? and created_at < ? and updated_at < ? order by created_at limit ?"
                        + " for update skip locked) returning id, recipient_id")
                .params(DeliveryRecord.PENDING, before, before, limit)
                .query((rs, n) -> new OwedDelivery(rs.getObject("id", UUID.class), rs.getString("recipient_id")))
                .list();
    }

    /** Published to the broker: from now on the broker's redelivery owns the retries. */
    public void markEnqueued(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql(
                        "update delivery set state = ?, enqueued_at = now(), updated_at = now() where id = any(?) and state = ?")
                .params(DeliveryRecord.ENQUEUED, ids.toArray(UUID[]::new), DeliveryRecord.PENDING)
                .update();
    }

    /**
     * Takes the delivery for one send: one consumer wins, on whichever hub instance. A claim whose
     * lease ran out (its holder died mid-send) can be taken over.
     *
     * @return the delivery, its attempts counting this one; empty when it has ended or is held
     */
    public Optional<DeliveryRecord> claim(UUID id, String claimant, Duration lease) {
        return jdbc.sql("update delivery set state = ?, claimed_at = now(), claimed_by = ?, attempts = attempts + 1,"
                        + " updated_at = now() where id = ? and (state in (?, ?) or (state = ? and claimed_at < ?))"
                        + " returning " + COLUMNS)
                .params(
                        DeliveryRecord.SENDING,
                        claimant,
                        id,
                        DeliveryRecord.PENDING,
                        DeliveryRecord.ENQUEUED,
                        DeliveryRecord.SENDING,
                        Timestamp.from(Instant.now().minus(lease)))
                .query(this::map)
                .optional();
    }

    /** A send that failed for now: back to waiting for the broker's redelivery. */
    public void releaseForRetry(UUID id, String claimant, String error) {
        jdbc.sql(
                        "update delivery set state = ?, last_error = ?, updated_at = now() where id = ? and state = ? and claimed_by = ?")
                .params(DeliveryRecord.ENQUEUED, error, id, DeliveryRecord.SENDING, claimant)
                .update();
    }

    public void markDelivered(UUID id) {
        jdbc.sql(
                        "update delivery set state = ?, delivered_at = now(), last_error = null, updated_at = now() where id = ?")
                .params(DeliveryRecord.DELIVERED, id)
                .update();
    }

    /** @return false when the delivery had already ended (another holder finished it) */
    public boolean markEnded(UUID id, String state, String error) {
        return jdbc.sql(
                                "update delivery set state = ?, last_error = ?, updated_at = now() where id = ? and state not in (?, ?, ?)")
                        .params(state, error, id, DeliveryRecord.DELIVERED, DeliveryRecord.FAILED, DeliveryRecord.DEAD)
                        .update()
                == 1;
    }

    /**
     * Deliveries that should be on the broker but show no activity for longer than a redelivery can
     * wait: their message may be lost, or dead-lettered before the hub saw its last attempt.
     */
    public List<Redrive> suspects(Duration quiet, int limit) {
        return jdbc.sql("select id, referral_id, recipient_id, kind, redrives from delivery"
                        + " where state in (?, ?) and updated_at < ? order by updated_at limit ?")
                .params(
                        DeliveryRecord.ENQUEUED,
                        DeliveryRecord.SENDING,
                        Timestamp.from(Instant.now().minus(quiet)),
                        limit)
                .query((rs, n) -> new Redrive(
                        new OwedDelivery(rs.getObject("id", UUID.class), rs.getString("recipient_id")),
                        rs.getObject("referral_id", UUID.class),
                        rs.getString("kind"),
                        rs.getInt("redrives")))
                .list();
    }

    /**
     * Takes a suspect for a re-drive, if it is still quiet (no instance took it meanwhile).
     *
     * @return its re-drives counting this one, or empty
     */
    public Optional<Integer> takeForRedrive(UUID id, Duration quiet) {
        return jdbc.sql("update delivery set redrives = redrives + 1, state = ?, updated_at = now()"
                        + " where id = ? and state in (?, ?) and updated_at < ? returning redrives")
                .params(
                        DeliveryRecord.ENQUEUED,
                        id,
                        DeliveryRecord.ENQUEUED,
                        DeliveryRecord.SENDING,
                        Timestamp.from(Instant.now().minus(quiet)))
                .query(Integer.class)
                .optional();
    }

    /** Seen waiting on its queue: not a suspect again before another quiet period. */
    public void touch(List<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update delivery set updated_at = now() where id = any(?) and state in (?, ?)")
                    .params(ids.toArray(UUID[]::new), DeliveryRecord.ENQUEUED, DeliveryRecord.SENDING)
                    .update();
        }
    }

    /** A delivery the sweeper found stuck, and how often it has been re-driven. */
    public record Redrive(OwedDelivery delivery, UUID referralId, String kind, int redrives) {}

    /** Each receiver's open work: waiting or in progress, the oldest of it, and what is dead. */
    public List<Backlog> backlogs() {
        return jdbc.sql(
                        "select recipient_id,"
                                + " count(*) filter (where state in ('PENDING', 'ENQUEUED', 'SENDING')) as waiting,"
                                + " min(created_at) filter (where state in ('PENDING', 'ENQUEUED', 'SENDING')) as oldest,"
                                + " count(*) filter (where state = 'DEAD') as dead"
                                + " from delivery where state in ('PENDING', 'ENQUEUED', 'SENDING', 'DEAD') group by recipient_id")
                .query((rs, n) -> new Backlog(
                        rs.getString("recipient_id"), rs.getLong("waiting"), instant(rs, "oldest"), rs.getLong("dead")))
                .list();
    }

    /** One receiver's open work. */
    public record Backlog(String recipientId, long waiting, Instant oldestWaiting, long dead) {}

    /** Puts a dead or failed delivery back in the outbox, for an operator's retry. */
    public Optional<OwedDelivery> resetForRetry(UUID id) {
        return jdbc.sql(
                        "update delivery set state = ?, created_at = now(), updated_at = now() where id = ? and state in (?, ?)"
                                + " returning id, recipient_id")
                .params(DeliveryRecord.PENDING, id, DeliveryRecord.DEAD, DeliveryRecord.FAILED)
                .query((rs, n) -> new OwedDelivery(rs.getObject("id", UUID.class), rs.getString("recipient_id")))
                .optional();
    }

    /** Puts every dead delivery of one receiver back in the outbox, once the receiver is back. */
    public List<OwedDelivery> resetDeadForRetry(String recipientId) {
        return jdbc.sql(
                        "update delivery set state = ?, created_at = now(), updated_at = now() where recipient_id = ? and state = ?"
                                + " returning id, recipient_id")
                .params(DeliveryRecord.PENDING, recipientId, DeliveryRecord.DEAD)
                .query((rs, n) -> new OwedDelivery(rs.getObject("id", UUID.class), rs.getString("recipient_id")))
                .list();
    }

    private DeliveryRecord map(ResultSet rs, int row) throws SQLException {
        byte[] sealedNote = rs.getBytes("note_enc");
        String note = sealedNote == null
                ? rs.getString("note")
                : cipher.decryptString(sealedNote, NOTE, rs.getObject("id", UUID.class));
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
