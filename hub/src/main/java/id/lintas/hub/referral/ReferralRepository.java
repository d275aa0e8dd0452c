package id.lintas.hub.referral;

import id.lintas.hub.platform.AppendOnlyLog;
import id.lintas.hub.protect.EncryptedFields;
import id.lintas.hub.protect.FieldCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Referrals and their events in PostgreSQL. */
@Repository
public class ReferralRepository {

    private static final String HEADER = "id, sender_id, source_reference, revision, kind, urgency, status,"
            + " destination_id, requested_region, domicile_region, incident_region, reporting_region,"
            + " reported_at, created_at, updated_at";
    private static final String COLUMNS = HEADER + ", canonical::text as canonical, canonical_enc";
    private static final String CANONICAL = EncryptedFields.REFERRAL_CANONICAL;

    private final JdbcClient jdbc;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final FieldCipher cipher;

    public ReferralRepository(JdbcClient jdbc, com.fasterxml.jackson.databind.ObjectMapper json, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
    }

    public Optional<ReferralRecord> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from referral where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /**
     * The referral without its Bundle ({@code canonicalJson} null): the Bundle is most of the row (about
     * 13 KB encrypted, stored out of line), and a delivery whose referral this instance has just taken in
     * renders from the typed model it kept ({@link RecentReferrals}) instead.
     */
    public Optional<ReferralRecord> findWithoutBundle(UUID id) {
        return jdbc.sql("select " + HEADER + " from referral where id = ?")
                .param(id)
                .query((rs, row) -> toRecord(rs, null))
                .optional();
    }

    /** The referral's Bundle as JSON, decrypted. */
    public Optional<String> canonicalJson(UUID id) {
        return jdbc.sql("select id, canonical::text as canonical, canonical_enc from referral where id = ?")
                .param(id)
                .query((rs, row) -> canonical(rs))
                .optional();
    }

    /**
     * Locks the row for a status change, so two changes of one referral cannot interleave; without its
     * Bundle ({@code canonicalJson} null), which a status change does not read.
     */
    public Optional<ReferralRecord> findForUpdate(UUID id) {
        return jdbc.sql("select " + HEADER + " from referral where id = ? for update")
                .param(id)
                .query((rs, row) -> toRecord(rs, null))
                .optional();
    }

    /** The sender's case, locked, without its Bundle ({@code canonicalJson} null): intake compares revisions. */
    public Optional<ReferralRecord> findBySource(String senderId, String sourceReference) {
        return jdbc.sql("select " + HEADER + " from referral where sender_id = ? and source_reference = ? for update")
                .param(senderId)
                .param(sourceReference)
                .query((rs, row) -> toRecord(rs, null))
                .optional();
    }

    /** Inserts unless the sender's case is already recorded; true when this call inserted it. */
    public boolean insert(ReferralRecord r) {
        FieldCipher.Sealed canonical = sealed(r.id(), r.canonicalJson());
        return jdbc.sql("""
                        insert into referral (id, sender_id, source_reference, revision, kind, urgency, status,
                          destination_id, requested_region, domicile_region, incident_region, reporting_region,
                          canonical_enc, canonical_key, reported_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (sender_id, source_reference) do nothing
                        """)
                        .params(
                                r.id(),
                                r.senderId(),
                                r.sourceReference(),
                                r.revision(),
                                r.kind(),
                                r.urgency(),
                                r.status(),
                                r.destinationId(),
                                r.requestedRegion(),
                                r.domicileRegion(),
                                r.incidentRegion(),
                                r.reportingRegion(),
                                canonical.bytes(),
                                canonical.keyId(),
                                Timestamp.from(r.reportedAt()))
                        .update()
                == 1;
    }

    /** Replaces the content with a newer revision of the sender's case. */
    public void revise(ReferralRecord r) {
        FieldCipher.Sealed canonical = sealed(r.id(), r.canonicalJson());
        jdbc.sql("""
                        update referral set revision = ?, kind = ?, urgency = ?, status = ?, destination_id = ?,
                          requested_region = ?, domicile_region = ?, incident_region = ?, canonical = null,
                          canonical_enc = ?, canonical_key = ?, reported_at = ?, updated_at = now()
                        where id = ?
                        """)
                .params(
                        r.revision(),
                        r.kind(),
                        r.urgency(),
                        r.status(),
                        r.destinationId(),
                        r.requestedRegion(),
                        r.domicileRegion(),
                        r.incidentRegion(),
                        canonical.bytes(),
                        canonical.keyId(),
                        Timestamp.from(r.reportedAt()),
                        r.id())
                .update();
    }

    private FieldCipher.Sealed sealed(UUID id, String canonicalJson) {
        return cipher.encrypt(canonicalJson, CANONICAL, id);
    }

    /** Replaces the keyed hashes of the referral's victims' NIKs (normalised to digits). */
    /**
     * Records the keyed hashes of the referral's victims' NIKs (normalised to digits), in one statement.
     *
     * @param replace true for a revision, whose earlier victims are forgotten first
     */
    public void recordVictims(UUID referralId, java.util.Collection<String> niks, boolean replace) {
        if (replace) {
            jdbc.sql("delete from referral_identity where referral_id = ?")
                    .param(referralId)
                    .update();
        }
        List<byte[]> hashes = niks.stream()
                .map(nik -> nik.replaceAll("\\D", ""))
                .filter(nik -> !nik.isEmpty())
                .distinct()
                .map(cipher::lookupHash)
                .toList();
        if (hashes.isEmpty()) {
            return;
        }
        jdbc.sql("insert into referral_identity (referral_id, nik_hash) select ?, unnest(?) on conflict do nothing")
                .params(referralId, hashes.toArray(new byte[0][]))
                .update();
    }

    /**
     * Other referrals of one of this referral's victims, matched by the keyed hash of the NIK, newest
     * first ({@code created_at}, then id, both descending), at most {@code limit}: a keyset page.
     *
     * @param participantId when not null, only those this participant sent or received
     * @param after when not null, only those after this one in that order (the last id of the page before)
     */
    public List<UUID> sameVictim(UUID referralId, String participantId, UUID after, int limit) {
        return jdbc.sql("select o.id from referral o where o.id in (select b.referral_id from referral_identity a"
                        + " join referral_identity b on a.nik_hash = b.nik_hash and b.referral_id <> a.referral_id"
                        + " where a.referral_id = ?) and (cast(? as text) is null or o.sender_id = ?"
                        + " or exists (select 1 from referral_route r where r.referral_id = o.id and r.participant_id = ?))"
                        + " and (cast(? as uuid) is null"
                        + " or (o.created_at, o.id) < (select c.created_at, c.id from referral c where c.id = ?))"
                        + " order by o.created_at desc, o.id desc limit ?")
                .params(referralId, participantId, participantId, participantId, after, after, limit)
                .query(UUID.class)
                .list();
    }

    public boolean exists(UUID id) {
        return jdbc.sql("select count(*) from referral where id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public void updateStatus(UUID id, String status) {
        jdbc.sql("update referral set status = ?, updated_at = now() where id = ?")
                .params(status, id)
                .update();
    }

    public void addEvent(UUID referralId, String type, String status, String actor, String detail) {
        addEvents(referralId, List.of(new NewEvent(type, status, actor, detail)));
    }

    /** An event of a referral not yet written: its id and time are the database's. */
    public record NewEvent(String type, String status, String actor, String detail) {}

    /** Writes a referral's events in one statement, in their order. */
    public void addEvents(UUID referralId, List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder sql =
                new StringBuilder("insert into referral_event (referral_id, type, status, actor, detail) values ");
        List<Object> params = new java.util.ArrayList<>(events.size() * 5);
        for (NewEvent event : events) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
            params.addAll(
                    java.util.Arrays.asList(referralId, event.type(), event.status(), event.actor(), event.detail()));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    public List<ReferralEvent> events(UUID referralId) {
        return jdbc.sql(
                        "select id, at, type, status, actor, detail from referral_event where referral_id = ? order by id")
                .param(referralId)
                .query((rs, n) -> new ReferralEvent(
                        rs.getLong("id"),
                        instant(rs, "at"),
                        rs.getString("type"),
                        rs.getString("status"),
                        rs.getString("actor"),
                        rs.getString("detail")))
                .list();
    }

    /** Referrals a participant sent or received, newest first. */
    public List<ReferralRecord> involving(String participantId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from referral where sender_id = ? or destination_id = ?"
                        + " or exists (select 1 from referral_route r where r.referral_id = referral.id and r.participant_id = ?)"
                        + " order by created_at desc limit ?")
                .params(participantId, participantId, participantId, limit)
                .query(this::map)
                .list();
    }

    public void addRoute(UUID referralId, ReferralRoute route) {
        jdbc.sql("""
                        insert into referral_route (referral_id, participant_id, agreement_id, agreement_version, via, services,
                            subject_to_availability, data, respond_by, status)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?)
                        on conflict (referral_id, participant_id) do update set agreement_id = excluded.agreement_id,
                            agreement_version = excluded.agreement_version, via = excluded.via, services = excluded.services,
                            subject_to_availability = excluded.subject_to_availability, data = excluded.data,
                            respond_by = excluded.respond_by
                        """)
                .params(
                        referralId,
                        route.participantId(),
                        route.agreementId(),
                        route.agreementVersion(),
                        route.via(),
                        jsonArray(route.services()),
                        jsonArray(route.subjectToAvailability()),
                        jsonArray(route.data()),
                        route.respondBy() == null ? null : Timestamp.from(route.respondBy()),
                        route.status())
                .update();
    }

    public List<ReferralRoute> routes(UUID referralId) {
        return jdbc.sql(
                        "select participant_id, agreement_id, agreement_version, via, services::text, subject_to_availability::text,"
                                + " data::text, respond_by, status from referral_route where referral_id = ? order by created_at, participant_id")
                .param(referralId)
                .query((rs, n) -> new ReferralRoute(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        parseArray(rs.getString(5)),
                        parseArray(rs.getString(6)),
                        parseArray(rs.getString(7)),
                        instant(rs, "respond_by"),
                        rs.getString(9)))
                .list();
    }

    public Optional<ReferralRoute> route(UUID referralId, String participantId) {
        return routes(referralId).stream()
                .filter(r -> r.participantId().equals(participantId))
                .findFirst();
    }

    /** A receiver that has not answered by the time its agreement set. */
    public record Overdue(
            UUID referralId, String participantId, String agreementId, int agreementVersion, Instant respondBy) {}

    /** Routes still waiting for the receiver's answer past their due time, oldest first. */
    public List<Overdue> overdue(int limit) {
        return jdbc.sql(
                        "select referral_id, participant_id, agreement_id, agreement_version, respond_by from referral_route"
                                + " where status = 'REQUESTED' and respond_by < now() order by respond_by limit ?")
                .param(limit)
                .query((rs, n) -> new Overdue(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Routes to this receiver still waiting for its answer after the agreement's response time. */
    public int overdueCount(String receiver) {
        return jdbc.sql("select count(*) from referral_route where participant_id = ? and status = 'REQUESTED'"
                        + " and respond_by < now()")
                .param(receiver)
                .query(Integer.class)
                .single();
    }

    /** The receivers that have at least one answer overdue. */
    public List<String> receiversWithOverdueAnswers() {
        return jdbc.sql(
                        "select distinct participant_id from referral_route where status = 'REQUESTED' and respond_by < now()")
                .query(String.class)
                .list();
    }

    public void updateRouteStatus(UUID referralId, String participantId, String status) {
        jdbc.sql("update referral_route set status = ? where referral_id = ? and participant_id = ?")
                .params(status, referralId, participantId)
                .update();
    }

    private String jsonArray(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> parseArray(String text) {
        try {
            return List.of(json.readValue(text, String[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReferralRecord map(ResultSet rs, int row) throws SQLException {
        return toRecord(rs, canonical(rs));
    }

    private static ReferralRecord toRecord(ResultSet rs, String canonicalJson) throws SQLException {
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
                canonicalJson,
                instant(rs, "reported_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    /** The decrypted Bundle; a row from before encryption still has it in clear until it is re-encrypted. */
    private String canonical(ResultSet rs) throws SQLException {
        byte[] sealed = rs.getBytes("canonical_enc");
        return sealed == null
                ? rs.getString("canonical")
                : cipher.decryptString(sealed, CANONICAL, rs.getObject("id", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** This table only grows: its size is a metric ({@code lintas.log.*}). */
    @Bean
    static AppendOnlyLog referralEventLog() {
        return new AppendOnlyLog("referral-events", "referral_event");
    }
}
