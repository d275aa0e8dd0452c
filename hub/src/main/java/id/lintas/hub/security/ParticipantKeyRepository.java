package id.lintas.hub.security;

import id.lintas.hub.platform.AppendOnlyLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Participants' public keys and their trail ({@code participant_key}, {@code participant_key_event}): the only SQL on them. */
@Repository
class ParticipantKeyRepository {

    private static final String KEY_COLUMNS =
            "participant_id, kid, jwk, registered_at, revoked_at, purpose, registered_by,"
                    + " approved_at, approved_by";

    private final JdbcClient jdbc;

    ParticipantKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record KeyRow(
            String participantId,
            String kid,
            String jwk,
            Instant registeredAt,
            Instant revokedAt,
            KeyPurpose purpose,
            String registeredBy,
            Instant approvedAt,
            String approvedBy) {}

    record KeyEventRow(long id, Instant at, String kid, KeyPurpose purpose, String type, String actor, String detail) {}

    boolean insertKey(String participant, KeyPurpose purpose, String kid, String jwk, String thumbprint, String actor) {
        return jdbc.sql("insert into participant_key (participant_id, kid, jwk, thumbprint, registered_by, purpose)"
                                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                        .params(participant, kid, jwk, thumbprint, actor, purpose.name())
                        .update()
                == 1;
    }

    Optional<KeyRow> key(String participant, String kid) {
        return jdbc.sql("select " + KEY_COLUMNS + " from participant_key where participant_id = ? and kid = ?")
                .params(participant, kid)
                .query(ParticipantKeyRepository::key)
                .optional();
    }

    /** Any key, of any participant and purpose, revoked or not, that is this public key. */
    List<KeyRow> keysWithThumbprint(String thumbprint) {
        return jdbc.sql("select " + KEY_COLUMNS + " from participant_key where thumbprint = ? order by registered_at")
                .param(thumbprint)
                .query(ParticipantKeyRepository::key)
                .list();
    }

    List<KeyRow> keys(String participant, KeyPurpose purpose) {
        return jdbc.sql("select " + KEY_COLUMNS
                        + " from participant_key where participant_id = ? and purpose = ? order by registered_at")
                .params(participant, purpose.name())
                .query(ParticipantKeyRepository::key)
                .list();
    }

    /** The participant's client keys that may sign an assertion now: approved and not revoked. */
    List<String> usableClientKeys(String participant) {
        return jdbc.sql("select jwk from participant_key where participant_id = ? and purpose = 'CLIENT'"
                        + " and approved_at is not null and revoked_at is null")
                .param(participant)
                .query(String.class)
                .list();
    }

    /** How many keys registered by {@code actor} are not revoked. */
    int unrevokedRegisteredBy(String actor) {
        return jdbc.sql("select count(*) from participant_key where registered_by = ? and revoked_at is null")
                .param(actor)
                .query(Integer.class)
                .single();
    }

    void revokeKey(String participant, String kid) {
        jdbc.sql(
                        "update participant_key set revoked_at = now() where participant_id = ? and kid = ? and revoked_at is null")
                .params(participant, kid)
                .update();
    }

    boolean approveKey(String participant, String kid, String actor) {
        return jdbc.sql(
                                "update participant_key set approved_at = now(), approved_by = ?"
                                        + " where participant_id = ? and kid = ? and approved_at is null and revoked_at is null")
                        .params(actor, participant, kid)
                        .update()
                == 1;
    }

    void addKeyEvent(String participant, String kid, KeyPurpose purpose, String type, String actor, String detail) {
        jdbc.sql(
                        "insert into participant_key_event (participant_id, kid, purpose, type, actor, detail) values (?, ?, ?, ?, ?, ?)")
                .params(participant, kid, purpose.name(), type, actor, detail)
                .update();
    }

    List<KeyEventRow> keyEvents(String participant) {
        return jdbc.sql(
                        "select id, at, kid, purpose, type, actor, detail from participant_key_event where participant_id = ? order by id")
                .param(participant)
                .query((rs, n) -> new KeyEventRow(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        KeyPurpose.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    private static KeyRow key(ResultSet rs, int n) throws SQLException {
        return new KeyRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                instant(rs, 5),
                KeyPurpose.valueOf(rs.getString(6)),
                rs.getString(7),
                instant(rs, 8),
                rs.getString(9));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column) == null ? null : rs.getTimestamp(column).toInstant();
    }

    /** This table only grows: its size is a metric ({@code lintas.log.*}). */
    @Bean
    static AppendOnlyLog keyEventLog() {
        return new AppendOnlyLog("key-events", "participant_key_event");
    }
}
