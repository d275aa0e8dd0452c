package id.lintas.hub.participant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code participant} table and its {@code participant_history} (kept by triggers, V50). Writes name
 * their actor with {@code set_config('lintas.actor', ...)} in their transaction, which the trigger records.
 */
@Repository
class ParticipantRepository {

    /** The actor of participants written from {@code lintas.participants} at first start. */
    static final String CONFIGURATION = "configuration";

    private final JdbcClient jdbc;

    ParticipantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored participant. */
    record Row(
            String id,
            String name,
            String region,
            String format,
            String endpoint,
            String zone,
            String status,
            long version,
            Instant updatedAt,
            String updatedBy) {
        boolean suspended() {
            return ParticipantStatus.SUSPENDED.name().equals(status);
        }
    }

    /** One recorded change and the participant as it was after it (also the history API's answer). */
    record HistoryEntry(
            long version,
            String change,
            Instant changedAt,
            String changedBy,
            String name,
            String region,
            String format,
            String endpoint,
            String zone,
            String status) {}

    private static final String COLUMNS =
            "id, name, region, format, endpoint, zone, status, version, updated_at, updated_by";

    List<Row> all() {
        return jdbc.sql("select " + COLUMNS + " from participant order by id")
                .query(ParticipantRepository::row)
                .list();
    }

    Optional<Row> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from participant where id = ?")
                .param(id)
                .query(ParticipantRepository::row)
                .optional();
    }

    /**
     * What changes with every committed change: versions only grow, so their sum does too (a time stamp could
     * be overtaken by a transaction that started earlier and committed later).
     */
    long fingerprint() {
        return jdbc.sql("select coalesce(sum(version), 0) from participant")
                .query(Long.class)
                .single();
    }

    long count() {
        return jdbc.sql("select count(*) from participant").query(Long.class).single();
    }

    /** Serialises seeding between instances starting together on one empty database (in a transaction). */
    void lockForSeeding() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('lintas.participant.seed'))")
                .query()
                .singleRow();
    }

    /** The actor of this transaction's writes, for the history trigger (in a transaction). */
    void actor(String actor) {
        jdbc.sql("select set_config('lintas.actor', ?, true)")
                .param(actor)
                .query()
                .singleRow();
    }

    boolean insert(
            String id,
            String name,
            String region,
            String format,
            String endpoint,
            String zone,
            ParticipantStatus status) {
        return jdbc.sql("""
                        insert into participant (id, name, region, format, endpoint, zone, status)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
                        .params(id, name, region, format, endpoint, zone, status.name())
                        .update()
                == 1;
    }

    void update(String id, String name, String format, String endpoint, String zone, ParticipantStatus status) {
        jdbc.sql("update participant set name = ?, format = ?, endpoint = ?, zone = ?, status = ? where id = ?")
                .params(name, format, endpoint, zone, status.name(), id)
                .update();
    }

    List<HistoryEntry> history(String id) {
        return jdbc.sql("""
                        select version, change, changed_at, changed_by, name, region, format, endpoint, zone, status
                        from participant_history where participant_id = ? order by version""")
                .param(id)
                .query((rs, n) -> new HistoryEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10)))
                .list();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getLong(8),
                rs.getObject(9, OffsetDateTime.class).toInstant(),
                rs.getString(10));
    }
}
