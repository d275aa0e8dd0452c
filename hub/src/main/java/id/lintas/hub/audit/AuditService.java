package id.lintas.hub.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the audit API answers (docs/audit.md): checkpoints with their cosignatures, entries, RFC 9162
 * proofs from the stored tree, exports for the offline verifier, the online verification, and witnesses'
 * cosignatures checked against their registered WITNESS keys.
 */
@Service
public class AuditService {

    private static final Logger log = LoggerFactory.getLogger(AuditService.class);
    /** Entries one request returns at most. */
    static final int MAX_ENTRIES = 1000;
    /** How far in the future a cosignature's timestamp may be (clock skew). */
    static final long MAX_SKEW_SECONDS = 300;

    /** An entry as the API shows it: index, exact bytes, the leaf hash the tree holds (all base64). */
    public record EntryView(long index, String entry, String leafHash) {}

    /** A consistency proof between two checkpoints of an export. */
    public record ConsistencyView(long from, long to, List<String> proof) {}

    /** An inclusion proof of an entry in the tree of a checkpoint of an export. */
    public record InclusionView(long index, long size, List<String> proof) {}

    /**
     * An export (docs/audit.md, "Export"): what the offline verifier checks.
     *
     * @param scope {@code log} (the whole log from entry 0), {@code referral} (one referral's entries) or
     *     {@code party} (the entries of one party's handoffs); only a whole log's entries are contiguous
     * @param checkpoints signed notes with their cosignatures, by tree size
     * @param consistency proofs between consecutive checkpoints
     * @param inclusion proofs of the entries in the latest checkpoint (in a referral's export, whose entries are not the whole log)
     */
    public record Export(
            String format,
            String scope,
            String origin,
            String verifierKey,
            List<EntryView> entries,
            List<String> checkpoints,
            List<ConsistencyView> consistency,
            List<InclusionView> inclusion) {}

    static final String EXPORT_FORMAT = "lintas-audit-export/v1";
    /** The scopes of an export: the whole log, one referral's entries, one party's entries. */
    public static final String WHOLE_LOG = "log";

    public static final String REFERRAL = "referral";
    public static final String PARTY = "party";

    private final JdbcClient jdbc;
    private final CheckpointSigner signer;
    private final WitnessKeys witnesses;
    private final Clock clock;
    private final int verifyPage;

    AuditService(JdbcClient jdbc, CheckpointSigner signer, WitnessKeys witnesses, AuditProperties properties) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.witnesses = witnesses;
        this.clock = Clock.systemUTC();
        this.verifyPage = properties.verifyPage();
    }

    public SignedNote.VerifierKey verifierKey() {
        return signer.verifierKey();
    }

    /** The number of sequenced entries. */
    public long size() {
        return jdbc.sql("select coalesce(max(idx) + 1, 0) from audit_entry")
                .query(Long.class)
                .single();
    }

    /** The checkpoint of that tree size (the latest when null), with the cosignatures it has. */
    public String checkpoint(Long size) {
        Optional<Long> at = size != null
                ? Optional.of(size)
                : jdbc.sql("select max(tree_size) from audit_checkpoint")
                        .query(Long.class)
                        .optional();
        Optional<String> note = at.flatMap(s -> jdbc.sql("select note from audit_checkpoint where tree_size = ?")
                .param(s)
                .query(String.class)
                .optional());
        if (note.isEmpty()) {
            throw AuditProblem.notFound(
                    "size",
                    size == null ? "no checkpoint was signed yet" : "no checkpoint was signed at tree size " + size);
        }
        StringBuilder withCosignatures = new StringBuilder(note.get());
        jdbc.sql(
                        "select line from audit_cosignature where tree_size = ? order by received_at, participant_id, key_name")
                .param(at.get())
                .query(String.class)
                .list()
                .forEach(withCosignatures::append);
        return withCosignatures.toString();
    }

    public List<EntryView> entries(long start, long end) {
        long size = size();
        if (start < 0) {
            throw AuditProblem.invalid("start", "must be 0 or more");
        }
        if (end < start) {
            throw AuditProblem.invalid("end", "must not be less than start");
        }
        if (end - start > MAX_ENTRIES) {
            throw AuditProblem.invalid(
                    "end", "at most " + MAX_ENTRIES + " entries a request: end - start <= " + MAX_ENTRIES);
        }
        if (end > size) {
            throw AuditProblem.invalid("end", "the log holds " + size + " entries");
        }
        return entryRows("e.idx >= ? and e.idx < ?", start, end);
    }

    private List<EntryView> entryRows(String where, Object... params) {
        Base64.Encoder b64 = Base64.getEncoder();
        return jdbc.sql(
                        "select e.idx, e.entry, n.hash from audit_entry e left join audit_node n on n.level = 0 and n.idx = e.idx"
                                + " where " + where + " order by e.idx")
                .params(params)
                .query((rs, n) -> new EntryView(
                        rs.getLong(1),
                        b64.encodeToString(rs.getBytes(2)),
                        rs.getBytes(3) == null ? null : b64.encodeToString(rs.getBytes(3))))
                .list();
    }

    /**
     * PATH(index, D[0:size]); a participant only for an entry of a handoff it sent or received.
     *
     * @param participant the participant asking, or null for an auditor (any entry)
     */
    public List<String> inclusion(long index, long size, String participant) {
        if (size < 1 || size > size()) {
            throw AuditProblem.invalid("size", "must be from 1 to the log's size, " + size());
        }
        if (index < 0 || index >= size) {
            throw AuditProblem.invalid("index", "must be from 0 to size - 1");
        }
        if (participant != null) {
            boolean own =
                    jdbc.sql("select count(*) from audit_entry where idx = ? and (sender_id = ? or receiver_id = ?)")
                                    .params(index, participant, participant)
                                    .query(Long.class)
                                    .single()
                            == 1;
            if (!own) {
                throw AuditProblem.notFound("index", "no entry " + index + " of a handoff of yours");
            }
        }
        return base64(Merkle.inclusionProof(new StoredTree(jdbc), index, size));
    }

    /** PROOF(from, D[0:to]). */
    public List<String> consistency(long from, long to) {
        long size = size();
        if (to < 0 || to > size) {
            throw AuditProblem.invalid("to", "must be from 0 to the log's size, " + size);
        }
        if (from < 0 || from > to) {
            throw AuditProblem.invalid("from", "must be from 0 to 'to'");
        }
        return base64(Merkle.consistencyProof(new StoredTree(jdbc), from, to));
    }

    /** The whole log, its checkpoints and the proofs between them; or one referral's entries with inclusion proofs. */
    @Transactional(readOnly = true)
    public Export export(java.util.UUID referral) {
        if (referral != null) {
            return withInclusionProofs(REFERRAL, "e.referral_id = ?", referral);
        }
        List<Long> sizes = jdbc.sql("select tree_size from audit_checkpoint order by tree_size")
                .query(Long.class)
                .list();
        List<ConsistencyView> consistency = new ArrayList<>();
        StoredTree tree = new StoredTree(jdbc);
        for (int i = 1; i < sizes.size(); i++) {
            consistency.add(new ConsistencyView(
                    sizes.get(i - 1),
                    sizes.get(i),
                    base64(Merkle.consistencyProof(tree, sizes.get(i - 1), sizes.get(i)))));
        }
        return new Export(
                EXPORT_FORMAT,
                WHOLE_LOG,
                signer.origin(),
                signer.verifierKey().toString(),
                entryRows("true"),
                sizes.stream().map(this::checkpoint).toList(),
                consistency,
                List.of());
    }

    /**
     * The given entries (those the latest checkpoint covers) with an inclusion proof of each in that checkpoint:
     * what an auditor limited to one party gets instead of a contiguous range of the log.
     *
     * @param scope what the entries are, {@link #PARTY} or {@link #REFERRAL}
     */
    @Transactional(readOnly = true)
    public Export export(String scope, java.util.Collection<Long> indexes) {
        return withInclusionProofs(scope, "e.idx = any(?)", (Object) indexes.toArray(Long[]::new));
    }

    private Export withInclusionProofs(String scope, String where, Object... params) {
        Optional<Long> latest = jdbc.sql("select max(tree_size) from audit_checkpoint")
                .query(Long.class)
                .optional();
        List<EntryView> entries = new ArrayList<>();
        List<InclusionView> inclusion = new ArrayList<>();
        if (latest.isPresent()) {
            Object[] bounded = java.util.Arrays.copyOf(params, params.length + 1);
            bounded[params.length] = latest.get();
            StoredTree tree = new StoredTree(jdbc);
            for (EntryView e : entryRows(where + " and e.idx < ?", bounded)) {
                entries.add(e);
                inclusion.add(new InclusionView(
                        e.index(), latest.get(), base64(Merkle.inclusionProof(tree, e.index(), latest.get()))));
            }
        }
        return new Export(
                EXPORT_FORMAT,
                scope,
                signer.origin(),
                signer.verifierKey().toString(),
                entries,
                latest.map(this::checkpoint).stream().toList(),
                List.of(),
                inclusion);
    }

    /**
     * Verifies the log as the database holds it now (docs/audit.md, "Verifying"), with the given checkpoints
     * seen earlier, reading it in pages of {@code lintas.audit.verify-page} entries.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public LogVerifier.Result verify(List<String> seenEarlier) {
        return verify(seenEarlier, verifyPage);
    }

    /**
     * The same, {@code page} entries (and checkpoints) a query: memory holds one page and the tree's right edge.
     * One snapshot (repeatable read), so what the sequencer adds meanwhile is not half seen.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public LogVerifier.Result verify(List<String> seenEarlier, int page) {
        Iterator<LogVerifier.Entry> entries = new Pages<>(
                after -> jdbc.sql("select e.idx, e.entry, n.hash from audit_entry e"
                                + " left join audit_node n on n.level = 0 and n.idx = e.idx"
                                + " where e.idx > ? order by e.idx limit ?")
                        .params(after, page)
                        .query((rs, n) -> new LogVerifier.Entry(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)))
                        .list(),
                LogVerifier.Entry::index);
        Iterator<LogVerifier.StoredCheckpoint> checkpoints = new Pages<>(
                after -> jdbc.sql(
                                "select tree_size, note from audit_checkpoint where tree_size > ? order by tree_size limit ?")
                        .params(after, page)
                        .query((rs, n) -> new LogVerifier.StoredCheckpoint(rs.getLong(1), rs.getString(2)))
                        .list(),
                LogVerifier.StoredCheckpoint::storedSize);
        return LogVerifier.verify(entries, checkpoints, signer.verifierKey(), seenEarlier);
    }

    /** Rows read a page at a time by their key (keyset pagination: each page starts after the last key read). */
    private static final class Pages<T> implements Iterator<T> {
        private final LongFunction<List<T>> after;
        private final ToLongFunction<T> key;
        private Iterator<T> page = java.util.Collections.emptyIterator();
        private long last = -1;
        private boolean done;

        Pages(LongFunction<List<T>> after, ToLongFunction<T> key) {
            this.after = after;
            this.key = key;
        }

        @Override
        public boolean hasNext() {
            if (!page.hasNext() && !done) {
                List<T> rows = after.apply(last);
                done = rows.isEmpty();
                page = rows.iterator();
            }
            return page.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            T row = page.next();
            last = key.applyAsLong(row);
            return row;
        }
    }

    /**
     * Records a witness's cosignature of a checkpoint the hub signed: the body is that checkpoint as a
     * signed note carrying the witness's cosignature line(s) (other lines are ignored), each checked
     * against the participant's approved WITNESS keys. Returns the checkpoint with all its cosignatures.
     */
    @Transactional
    public String cosign(String participant, String body) {
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(body == null ? "" : body);
            checkpoint = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            throw AuditProblem.invalid("(body)", e.getMessage());
        }
        String signed = jdbc.sql("select note from audit_checkpoint where tree_size = ?")
                .param(checkpoint.size())
                .query(String.class)
                .optional()
                .orElseThrow(() -> AuditProblem.cosignatureRefused(
                        "(body)", "the hub signed no checkpoint of tree size " + checkpoint.size()));
        if (!SignedNote.parse(signed).text().equals(note.text())) {
            throw AuditProblem.cosignatureRefused(
                    "(body)", "this is not the checkpoint the hub signed at tree size " + checkpoint.size());
        }
        List<SignedNote.VerifierKey> keys = witnesses.approved(participant);
        int recorded = 0;
        for (SignedNote.Signature signature : note.signatures()) {
            Optional<SignedNote.VerifierKey> key =
                    keys.stream().filter(k -> k.names(signature)).findFirst();
            if (key.isEmpty()) {
                continue;
            }
            long time;
            try {
                time = Checkpoint.cosignatureTime(signature);
            } catch (IllegalArgumentException e) {
                throw AuditProblem.cosignatureRefused(signature.keyName(), e.getMessage());
            }
            if (!Checkpoint.cosignedBy(key.get(), note.text(), signature)) {
                throw AuditProblem.cosignatureRefused(
                        signature.keyName(),
                        "the cosignature by " + signature.keyName()
                                + " does not verify (c2sp.org/tlog-cosignature, Ed25519 over cosignature/v1, time and the checkpoint)");
            }
            if (time > clock.instant().getEpochSecond() + MAX_SKEW_SECONDS) {
                throw AuditProblem.cosignatureRefused(signature.keyName(), "the cosignature's time is in the future");
            }
            recorded += jdbc.sql(
                            "insert into audit_cosignature (tree_size, participant_id, key_name, cosigned_at, line)"
                                    + " values (?, ?, ?, ?, ?) on conflict do nothing")
                    .params(checkpoint.size(), participant, signature.keyName(), time, signature.line())
                    .update();
        }
        if (keys.stream().noneMatch(k -> note.signatureOf(k).isPresent())) {
            throw AuditProblem.cosignatureRefused(
                    "(body)",
                    "no signature line of an approved witness key of " + participant
                            + (keys.isEmpty() ? " (it has none: register one as a WITNESS key)" : ""));
        }
        log.info("Checkpoint of tree size {} cosigned by {} ({} new)", checkpoint.size(), participant, recorded);
        return checkpoint(checkpoint.size());
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }
}
