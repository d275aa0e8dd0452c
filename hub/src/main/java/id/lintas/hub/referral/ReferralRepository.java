package id.lintas.hub.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Referrals and their events in PostgreSQL. */
@Repository
public class ReferralRepository {

    private static final String COLUMNS = "id, sender_id, source_reference, revision, kind, urgency, status,"
            + " destination_id, requested_region, domicile_region, incident_region, reporting_region,"
            + " canonical::text as canonical, reported_at, created_at, updated_at";

    private final JdbcClient jdbc;

    public ReferralRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReferralRecord> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from referral where id = ?")
                .param(id)
                .query(ReferralRepository::map)
                .optional();
    }

    /** Locks the row for a status change, so two changes of one referral cannot interleave. */
    public Optional<ReferralRecord> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from referral where id = ? for update")
                .param(id)
                .query(ReferralRepository::map)
                .optional();
    }

    public Optional<ReferralRecord> findBySource(String senderId, String sourceReference) {
        return jdbc.sql("select " + COLUMNS + " from referral where sender_id = ? and source_reference = ? for update")
                .param(senderId)
                .param(sourceReference)
                .query(ReferralRepository::map)
                .optional();
    }

    /** Inserts unless the sender's case is already recorded; true when this call inserted it. */
    public boolean insert(ReferralRecord r) {
        return jdbc.sql("""
                        insert into referral (id, sender_id, source_reference, revision, kind, urgency, status,
                          destination_id, requested_region, domicile_region, incident_region, reporting_region,
                          canonical, reported_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                        on conflict (sender_id, source_reference) do nothing
                        """)
                .params(r.id(), r.senderId(), r.sourceReference(), r.revision(), r.kind(), r.urgency(), r.status(),
                        r.destinationId(), r.requestedRegion(), r.domicileRegion(), r.incidentRegion(),
                        r.reportingRegion(), r.canonicalJson(), Timestamp.from(r.reportedAt()))
                .update() == 1;
    }

    /** Replaces the content with a newer revision of the sender's case. */
    public void revise(ReferralRecord r) {
        jdbc.sql("""
                        update referral set revision = ?, kind = ?, urgency = ?, requested_region = ?,
                          domicile_region = ?, incident_region = ?, canonical = cast(? as jsonb), reported_at = ?,
                          updated_at = now()
                        where id = ?
                        """)
                .params(r.revision(), r.kind(), r.urgency(), r.requestedRegion(), r.domicileRegion(),
                        r.incidentRegion(), r.canonicalJson(), Timestamp.from(r.reportedAt()), r.id())
                .update();
    }

    public void route(UUID id, String status, String destinationId, String canonicalJson) {
        jdbc.sql("update referral set status = ?, destination_id = ?, canonical = cast(? as jsonb), updated_at = now()"
                        + " where id = ?")
                .params(status, destinationId, canonicalJson, id)
                .update();
    }

    public void updateStatus(UUID id, String status) {
        jdbc.sql("update referral set status = ?, updated_at = now() where id = ?")
                .params(status, id)
                .update();
    }

    public void addEvent(UUID referralId, String type, String status, String actor, String detail) {
        jdbc.sql("insert into referral_event (referral_id, type, status, actor, detail) values (?, ?, ?, ?, ?)")
                .params(referralId, type, status, actor, detail)
                .update();
    }

    public List<ReferralEvent> events(UUID referralId) {
        return jdbc.sql("select id, at, type, status, actor, detail from referral_event where referral_id = ? order by id")
                .param(referralId)
                .query((rs, n) -> new ReferralEvent(
                        rs.getLong("id"), instant(rs, "at"), rs.getString("type"), rs.getString("status"),
                        rs.getString("actor"), rs.getString("detail")))
                .list();
    }

    /** Referrals a participant sent or received, newest first. */
    public List<ReferralRecord> involving(String participantId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from referral where sender_id = ? or destination_id = ?"
                        + " order by created_at desc limit ?")
                .params(participantId, participantId, limit)
                .query(ReferralRepository::map)
                .list();
    }

    private static ReferralRecord map(ResultSet rs, int row) throws SQLException {
        return new ReferralRecord(
                rs.getObject("id", UUID.class),
                rs.getString("sender_id"),
                rs.getString("source_reference"),
                rs.getInt("revision"),
                rs.getString("kind"),
                rs.getString("urgency"),
                rs.getString("status"),
                rs.getString("destination_id"),
                rs.getString("requested_region"),
                rs.getString("domicile_region"),
                rs.getString("incident_region"),
                rs.getString("reporting_region"),
                rs.getString("canonical"),
                instant(rs, "reported_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
