package id.lintas.hub.audit;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log's single writer (docs/audit.md, "Sequencing"). Under a transaction-scoped advisory lock (one
 * sequencer at a time, across hubs sharing the database) it takes the entries whose transactions have
 * committed ({@code audit_pending}), gives them the next indexes in ticket order, stores them with the new
 * complete-subtree hashes and removes them from the pending table, all in one transaction: indexes are
 * gap-free and follow commit order (an entry is sequenced only once its transaction committed). When the
 * log grew, it signs a checkpoint of the new size in the same transaction.
 */
@Component
public class AuditSequencer {

    private static final Logger log = LoggerFactory.getLogger(AuditSequencer.class);
    /** The advisory lock key of the sequencer ("audit" in a bigint). */
    static final long LOCK = 0x6175646974L;

    private record Pending(long ticket, byte[] entry) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final CheckpointSigner signer;
    private final int batch;

    AuditSequencer(
            JdbcClient jdbc,
            JdbcTemplate template,
            TransactionTemplate transactions,
            CheckpointSigner signer,
            AuditProperties properties) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        this.signer = signer;
        this.batch = properties.sealBatch();
    }

    /**
     * Sequences what is pending (in batches) and signs a checkpoint; returns the log's size after. When the
     * stored log no longer gives the latest checkpoint's root (rows were removed or hashes rewritten), it
     * signs nothing more and says so: the hub never signs over a tampered log.
     */
    public long seal() {
        long size;
        int moved;
        do {
            long[] result;
            try {
                result = transactions.execute(status -> sealBatch());
            } catch (TamperedLogException e) {
                log.error(
                        "The audit log is not sealed: {}. Verify it (GET /api/v1/audit/verification) and restore it from a backup",
                        e.getMessage());
                return e.size;
            }
            size = result[0];
            moved = (int) result[1];
        } while (moved == batch);
        return size;
    }

    /** The stored log does not extend the latest checkpoint the hub signed. */
    static final class TamperedLogException extends RuntimeException {
        private final long size;

        TamperedLogException(String message, long size) {
            super(message);
            this.size = size;
        }
    }

    private long[] sealBatch() {
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(LOCK)
                .query(Object.class)
                .single();
        long size = jdbc.sql("select coalesce(max(idx) + 1, 0) from audit_entry")
                .query(Long.class)
                .single();
        checkAgainstLatestCheckpoint(size);
        List<Pending> pending = jdbc.sql("select ticket, entry from audit_pending order by ticket limit ?")
                .param(batch)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getBytes(2)))
                .list();
        if (!pending.isEmpty()) {
            append(size, pending);
            size += pending.size();
        }
        Long signed = jdbc.sql("select max(tree_size) from audit_checkpoint")
                .query(Long.class)
                .optional()
                .orElse(null);
        if (signed == null || signed < size) {
            checkpoint(size);
        }
        return new long[] {size, pending.size()};
    }

    private void checkAgainstLatestCheckpoint(long size) {
        jdbc.sql("select tree_size, root_hash from audit_checkpoint order by tree_size desc limit 1")
                .query((rs, n) -> new Checkpoint(signer.origin(), rs.getLong(1), rs.getBytes(2)))
                .optional()
                .ifPresent(latest -> {
                    if (latest.size() > size) {
                        throw new TamperedLogException(
                                "it holds " + size + " entries, fewer than the latest checkpoint's " + latest.size(),
                                size);
                    }
                    byte[] root;
                    try {
                        root = Merkle.root(new StoredTree(jdbc), latest.size());
                    } catch (IllegalStateException missing) {
                        throw new TamperedLogException(missing.getMessage(), size);
                    }
                    if (!Merkle.equal(root, latest.root())) {
                        throw new TamperedLogException(
                                "its stored tree does not give the root hash of the latest checkpoint, of tree size "
                                        + latest.size(),
                                size);
                    }
                });
    }

    private void append(long size, List<Pending> pending) {
        StoredTree tree = new StoredTree(jdbc);
        Map<Long, byte[]> frontier = new HashMap<>();
        for (int level = 0; level < 63; level++) {
            if ((size >>> level & 1) == 1) {
                frontier.put(key(level, (size >>> level) - 1), tree.node(level, (size >>> level) - 1));
            }
        }
        List<Object[]> entries = new ArrayList<>(pending.size());
        List<Object[]> nodes = new ArrayList<>(pending.size() * 2);
        long index = size;
        for (Pending p : pending) {
            AuditEvent event = EntryEncoding.decode(p.entry());
            entries.add(new Object[] {
                index,
                p.ticket(),
                p.entry(),
                event.kind().name(),
                event.at().atOffset(java.time.ZoneOffset.UTC),
                event.referralId(),
                event.sender(),
                event.receiver(),
                event.agreementId(),
                event.agreementVersion(),
                event.outcome()
            });
            byte[] hash = Merkle.leafHash(p.entry());
            nodes.add(new Object[] {0, index, hash});
            frontier.put(key(0, index), hash);
            long j = index;
            int level = 0;
            while ((j & 1) == 1) {
                hash = Merkle.nodeHash(frontier.get(key(level, j - 1)), hash);
                level++;
                j >>>= 1;
                nodes.add(new Object[] {level, j, hash});
                frontier.put(key(level, j), hash);
            }
            index++;
        }
        template.batchUpdate(
                "insert into audit_entry (idx, ticket, entry, kind, at, referral_id, sender_id, receiver_id,"
                        + " agreement_id, agreement_version, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries,
                new int[] {
                    Types.BIGINT,
                    Types.BIGINT,
                    Types.BINARY,
                    Types.VARCHAR,
                    Types.TIMESTAMP_WITH_TIMEZONE,
                    Types.OTHER,
                    Types.VARCHAR,
                    Types.VARCHAR,
                    Types.VARCHAR,
                    Types.INTEGER,
                    Types.VARCHAR
                });
        template.batchUpdate("insert into audit_node (level, idx, hash) values (?, ?, ?)", nodes, new int[] {
            Types.SMALLINT, Types.BIGINT, Types.BINARY
        });
        jdbc.sql("delete from audit_pending where ticket = any(?)")
                .param(pending.stream().mapToLong(Pending::ticket).boxed().toArray(Long[]::new))
                .update();
    }

    private void checkpoint(long size) {
        byte[] root = Merkle.root(new StoredTree(jdbc), size);
        SignedNote note = signer.sign(new Checkpoint(signer.origin(), size, root));
        jdbc.sql("insert into audit_checkpoint (tree_size, root_hash, note) values (?, ?, ?)")
                .params(size, root, note.serialize())
                .update();
        log.debug("Audit checkpoint signed at tree size {}", size);
    }

    private static Long key(int level, long index) {
        return ((long) level << 58) | index;
    }
}
