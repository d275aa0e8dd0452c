package id.lintas.hub.audit;

import com.google.crypto.tink.prf.PrfSet;
import id.lintas.hub.platform.HubProperties;
import id.lintas.hub.protect.Keysets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the audit log in the caller's transaction (docs/audit.md): the entry commits with
 * the change it records or not at all. The entry waits in {@code audit_pending} until the sequencer
 * ({@link AuditSequencer}, a few seconds at most) gives it its index in the log; {@link #append} returns
 * the entry's ticket, which {@link #indexOf} turns into that index once it is sequenced.
 */
@Component
@EnableConfigurationProperties(AuditProperties.class)
public class AuditLog {

    /** An entry of a referral's trail: its index once sequenced (else empty), its ticket and its event. */
    public record Logged(OptionalLong index, long ticket, AuditEvent event) {}

    private final JdbcClient jdbc;
    private final PrfSet commitmentKey;
    private final String commitmentKeyId;

    AuditLog(JdbcClient jdbc, AuditProperties properties, HubProperties hub) {
        this.jdbc = jdbc;
        this.commitmentKey = Keysets.keyedHash(AuditProperties.keyset(
                properties.commitmentKeyset(), "commitment-keyset", hub.dataDir(), "audit-commitment-key.json"));
        this.commitmentKeyId = Integer.toUnsignedString(commitmentKey.getPrimaryId());
    }

    /**
     * Writes one entry in the caller's current transaction (there must be one: {@link Propagation#MANDATORY}).
     *
     * @return the entry's ticket: {@link #indexOf} gives its index in the log once it is sequenced
     * @throws IllegalArgumentException when the event cannot be encoded (a detail too long, a lone surrogate)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(AuditEvent event) {
        byte[] entry = EntryEncoding.encode(event);
        return jdbc.sql("insert into audit_pending (entry, referral_id) values (?, ?) returning ticket")
                .params(entry, event.referralId())
                .query(Long.class)
                .single();
    }

    /**
     * Writes the entries of one change in the caller's current transaction, in one statement (one round
     * trip where {@link #append} takes one each), in the order given: their tickets follow that order.
     *
     * @throws IllegalArgumentException when an event cannot be encoded
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into audit_pending (entry, referral_id) values ");
        List<Object> params = new ArrayList<>(events.size() * 2);
        for (AuditEvent event : events) {
            sql.append(params.isEmpty() ? "(?, ?)" : ", (?, ?)");
            params.add(EntryEncoding.encode(event));
            params.add(event.referralId());
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /** An HMAC-SHA256 commitment of a payload under the hub's commitment key, for {@link AuditEvent#commitment()}. */
    public AuditEvent.Commitment commitment(byte[] payload) {
        try {
            return new AuditEvent.Commitment(commitmentKeyId, commitmentKey.computePrimary(payload, 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit commitment could not be computed", e);
        }
    }

    /** The entry's index in the log, once the sequencer gave it one. */
    public OptionalLong indexOf(long ticket) {
        return jdbc.sql("select idx from audit_entry where ticket = ?")
                .param(ticket)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /**
     * The referral's entries, sequenced ones in log order, then those still waiting in ticket order. The
     * events are decoded from the entries' exact bytes (what the tree covers), never from search columns.
     */
    public List<Logged> ofReferral(UUID referral) {
        // One statement, so an entry the sequencer moves meanwhile is seen once, on one side.
        return jdbc.sql("select idx, ticket, entry from audit_entry where referral_id = ?"
                        + " union all select null, ticket, entry from audit_pending where referral_id = ?"
                        + " order by 1 nulls last, 2")
                .params(referral, referral)
                .query((rs, n) -> {
                    long index = rs.getLong(1);
                    return new Logged(
                            rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(index),
                            rs.getLong(2),
                            EntryEncoding.decode(rs.getBytes(3)));
                })
                .list();
    }
}
