package id.lintas.hub.trail;

import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.audit.EntryEncoding;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit log for trails and searches: events are always decoded from the entries' exact bytes
 * (what the Merkle tree covers); the log's search columns only select which entries to read.
 */
@Repository
class TrailRepository {

    /** The most context entries (agreements, keys, accounts) one trail shows. */
    private static final int CONTEXT_LIMIT = 500;

    private final JdbcClient jdbc;
    private final AuditLog log;

    TrailRepository(JdbcClient jdbc, AuditLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    List<AuditLog.Logged> ofReferral(UUID referral) {
        return log.ofReferral(referral);
    }

    /** A sequenced entry, and the sender of its referral (null when it is of no referral). */
    record Sequenced(long index, String referralSender, id.lintas.hub.audit.AuditEvent event) {}

    /**
     * Sequenced entries an auditor of {@code party} may be shown, before {@link TrailScope#shows} picks among a
     * referral's: every entry of a referral it sent or was considered as a receiver of (as a trail decides who
     * sent and who received), and entries of no referral that name it (its keys, its refused messages);
     * {@code referral} limits them to one referral when not null.
     */
    List<Sequenced> candidates(String party, UUID referral) {
        return jdbc.sql("""
                        select e.idx, e.entry,
                          (select s.sender_id from audit_entry s where s.referral_id = e.referral_id
                             and s.kind in ('INTAKE_RECEIVED', 'ROUTING_DECIDED') and s.sender_id is not null
                             order by s.idx limit 1) as referral_sender
                        from audit_entry e
                        where (cast(:referral as uuid) is null or e.referral_id = :referral)
                          and ((e.referral_id is null and (e.sender_id = :party or e.receiver_id = :party))
                            or e.referral_id in (select r.referral_id from audit_entry r
                                 where (r.kind in ('INTAKE_RECEIVED', 'ROUTING_DECIDED') and r.sender_id = :party)
                                    or (r.kind = 'ROUTING_DECIDED' and r.receiver_id = :party)))
                        order by e.idx
                        """)
                .param("party", party)
                .param("referral", referral)
                .query((rs, n) -> new Sequenced(rs.getLong(1), rs.getString(3), EntryEncoding.decode(rs.getBytes(2))))
                .list();
    }

    /**
     * What a referral's steps happened under: the lifecycle and signatures of its agreements, the keys of
     * its participants and the changes of the accounts of the people who acted on it, up to {@code until}.
     */
    List<AuditLog.Logged> context(
            Collection<String> agreements,
            Collection<String> participants,
            Collection<String> accounts,
            Instant until) {
        List<AuditLog.Logged> found = new ArrayList<>();
        jdbc.sql("select idx, ticket, entry from audit_entry where at <= ? and ("
                        + " (kind in ('AGREEMENT_CHANGED', 'AGREEMENT_SIGNED') and agreement_id = any(?))"
                        + " or (kind in ('KEY_REGISTERED', 'KEY_APPROVED', 'KEY_REVOKED') and sender_id = any(?))"
                        + " or (kind = 'ACCOUNT_CHANGED' and convert_from(entry, 'UTF8')::jsonb #>> '{details,account}' = any(?)))"
                        + " order by idx desc limit ?")
                .params(
                        Timestamp.from(until),
                        agreements.toArray(String[]::new),
                        participants.toArray(String[]::new),
                        accounts.toArray(String[]::new),
                        CONTEXT_LIMIT)
                .query((rs, n) -> new AuditLog.Logged(
                        OptionalLong.of(rs.getLong(1)), rs.getLong(2), EntryEncoding.decode(rs.getBytes(3))))
                .list()
                .forEach(found::add);
        java.util.Collections.reverse(found);
        return found;
    }

    /**
     * One handoff found by a search: a routing decision and what became of it, or a message refused at
     * intake ({@code kind} {@code INTAKE_REFUSED}: no receiver, and a referral only for an older revision).
     */
    record Handoff(
            long index,
            String kind,
            UUID referral,
            String sender,
            String receiver,
            String agreement,
            Integer agreementVersion,
            String outcome,
            Instant at,
            Instant responseDue,
            Instant answeredAt,
            boolean dead) {}

    /**
     * Routing decisions matching the filters, newest first: every filter may be null; {@code outcome} is
     * {@code refused} (no agreement covered it), {@code overdue} (answered after its due time, or not yet and
     * past it) or {@code dead} (a delivery of the handoff, the referral to its receiver or an answer back to
     * its sender, was given up: dead or refused for good); {@code party} limits to handoffs it sent or received.
     */
    List<Handoff> search(
            String agreement,
            String sender,
            String receiver,
            Instant from,
            Instant to,
            String outcome,
            String party,
            int offset,
            int limit) {
        String sql = """
                select * from (
                  select e.idx, e.kind, e.referral_id, e.sender_id, e.receiver_id, e.agreement_id, e.agreement_version, e.outcome, e.at,
                    (convert_from(e.entry, 'UTF8')::jsonb #>> '{details,respondBy}')::timestamptz as due,
                    (select min(s.at) from audit_entry s where s.kind = 'STATUS_CHANGED' and s.referral_id = e.referral_id
                       and s.receiver_id = e.receiver_id) as answered,
                    exists (select 1 from audit_entry d where d.kind = 'DELIVERY_ATTEMPTED' and d.outcome in ('DEAD', 'FAILED')
                       and d.referral_id = e.referral_id and (d.receiver_id = e.receiver_id or d.receiver_id = e.sender_id)) as dead
                  from audit_entry e
                  where e.kind = 'ROUTING_DECIDED'
                    and (cast(:agreement as text) is null or e.agreement_id = :agreement)
                    and (cast(:sender as text) is null or e.sender_id = :sender)
                    and (cast(:receiver as text) is null or e.receiver_id = :receiver)
                    and (cast(:party as text) is null or e.sender_id = :party or e.receiver_id = :party)
                    and (cast(:from as timestamptz) is null or e.at >= :from)
                    and (cast(:to as timestamptz) is null or e.at < :to)
                  union all
                  select e.idx, e.kind, e.referral_id, e.sender_id, e.receiver_id, e.agreement_id, e.agreement_version, e.outcome,
                    e.at, null, null, false
                  from audit_entry e
                  where e.kind = 'INTAKE_REFUSED'
                    and cast(:agreement as text) is null and cast(:receiver as text) is null
                    and (cast(:sender as text) is null or e.sender_id = :sender)
                    and (cast(:party as text) is null or e.sender_id = :party)
                    and (cast(:from as timestamptz) is null or e.at >= :from)
                    and (cast(:to as timestamptz) is null or e.at < :to)
                ) h
                where (cast(:outcome as text) is null
                    or (:outcome = 'refused' and (h.outcome = 'REFUSED' or h.kind = 'INTAKE_REFUSED'))
                    or (:outcome = 'dead' and h.dead)
                    or (:outcome = 'overdue' and h.due is not null and h.due < coalesce(h.answered, now())))
                order by h.at desc, h.idx desc offset :offset limit :limit
                """;
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("agreement", agreement);
        params.put("sender", sender);
        params.put("receiver", receiver);
        params.put("party", party);
        params.put("from", from == null ? null : Timestamp.from(from));
        params.put("to", to == null ? null : Timestamp.from(to));
        params.put("outcome", outcome);
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new Handoff(
                        rs.getLong("idx"),
                        rs.getString("kind"),
                        rs.getObject("referral_id", UUID.class),
                        rs.getString("sender_id"),
                        rs.getString("receiver_id"),
                        rs.getString("agreement_id"),
                        (Integer) rs.getObject("agreement_version"),
                        rs.getString("outcome"),
                        instant(rs.getTimestamp("at")),
                        instant(rs.getTimestamp("due")),
                        instant(rs.getTimestamp("answered")),
                        rs.getBoolean("dead")))
                .list();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
