package id.lintas.hub.audit;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Checks a log without trusting whoever holds it (docs/audit.md, "Verifying"): every entry is there
 * with its index, canonical, and hashes to the leaf the tree holds; every checkpoint is signed by the
 * log's key and its root is the root of the entries up to its size; checkpoints seen earlier (held by
 * the auditor or a witness) are still roots of the log's prefixes. The online check (the hub's own
 * database) and the offline verifier (an export) both run this.
 */
public final class LogVerifier {

    /**
     * One entry as the log holds it.
     *
     * @param storedLeafHash the leaf hash the log's tree holds for it, when the source has one (else null)
     */
    public record Entry(long index, byte[] bytes, byte[] storedLeafHash) {}

    /**
     * A checkpoint as the log holds it.
     *
     * @param storedSize the tree size the log files it under, when the source has one (else -1)
     */
    public record StoredCheckpoint(long storedSize, String note) {}

    /**
     * The outcome.
     *
     * @param firstBadEntry the index of the first entry that fails, when one does
     * @param problem what failed, in one sentence, or null
     * @param size entries checked
     * @param checkpoints checkpoints whose signature and root verified
     */
    public record Result(boolean ok, Long firstBadEntry, String problem, long size, int checkpoints) {
        static Result bad(long entry, String problem, long size, int checkpoints) {
            return new Result(false, entry, problem, size, checkpoints);
        }

        static Result badCheckpoint(String problem, long size, int checkpoints) {
            return new Result(false, null, problem, size, checkpoints);
        }
    }

    private LogVerifier() {}

    /**
     * Reads the log once, in order, holding only the right edge of its tree ({@link Merkle.CompactRange}): memory
     * does not grow with the log, so a source can page through it.
     *
     * @param entries the whole log from index 0, in index order
     * @param checkpoints the log's checkpoints by tree size
     * @param key the log's verifier key, obtained independently of the log
     * @param trusted checkpoints seen earlier (signed notes), which the log must still extend
     */
    public static Result verify(
            Iterator<Entry> entries,
            Iterator<StoredCheckpoint> checkpoints,
            SignedNote.VerifierKey key,
            List<String> trusted) {
        List<Signed> seen = new ArrayList<>();
        for (String note : trusted) {
            Optional<Signed> earlier = Signed.of(note, key);
            if (earlier.isEmpty()) {
                return Result.badCheckpoint(
                        "a checkpoint given as seen earlier is not signed by the log's key " + key.name(), 0, 0);
            }
            seen.add(earlier.get());
        }
        seen.sort(Comparator.comparingLong(s -> s.checkpoint().size()));
        return new Run(checkpoints, key, new ArrayDeque<>(seen)).over(entries);
    }

    /** One pass: the tree so far, and the next checkpoint (and checkpoint seen earlier) to compare it with. */
    private static final class Run {
        private final Iterator<StoredCheckpoint> checkpoints;
        private final SignedNote.VerifierKey key;
        private final Deque<Signed> seen;
        private final Merkle.CompactRange tree = new Merkle.CompactRange();
        private Signed next;
        private int read;
        private long covered;
        private int good;

        Run(Iterator<StoredCheckpoint> checkpoints, SignedNote.VerifierKey key, Deque<Signed> seen) {
            this.checkpoints = checkpoints;
            this.key = key;
            this.seen = seen;
        }

        Result over(Iterator<Entry> entries) {
            Result failed = advance();
            failed = failed != null ? failed : atSize();
            long i = 0;
            while (failed == null && entries.hasNext()) {
                failed = entry(i++, entries.next());
                failed = failed != null ? failed : atSize();
            }
            if (failed != null) {
                return failed;
            }
            long size = tree.size();
            if (next != null) {
                return truncated(next, "checkpoint");
            }
            if (!seen.isEmpty()) {
                return truncated(seen.peekFirst(), "checkpoint seen earlier");
            }
            return new Result(true, null, null, size, good);
        }

        private Result entry(long i, Entry entry) {
            if (entry.index() != i) {
                return Result.bad(
                        i,
                        entry.index() > i
                                ? "entry " + i + " is missing: after entry " + (i - 1) + " comes entry " + entry.index()
                                : "entry " + entry.index() + " appears twice, or out of order, at position " + i,
                        i,
                        good);
            }
            try {
                EntryEncoding.decode(entry.bytes());
            } catch (IllegalArgumentException e) {
                return Result.bad(i, "entry " + i + " is not a canonical audit entry: " + e.getMessage(), i, good);
            }
            byte[] leaf = Merkle.leafHash(entry.bytes());
            if (entry.storedLeafHash() != null && !MessageDigest.isEqual(leaf, entry.storedLeafHash())) {
                return Result.bad(
                        i,
                        "entry " + i + " does not hash to the leaf the tree holds for it: its bytes were changed, or"
                                + " the entry was moved, inserted or replaced",
                        i,
                        good);
            }
            tree.append(leaf);
            return null;
        }

        /** Compares the tree with every checkpoint (and checkpoint seen earlier) of its size. */
        private Result atSize() {
            long size = tree.size();
            while (next != null && next.checkpoint().size() == size) {
                Result failed = againstRoot(next, covered, "checkpoint");
                if (failed != null) {
                    return failed;
                }
                covered = size;
                good++;
                failed = advance();
                if (failed != null) {
                    return failed;
                }
            }
            while (!seen.isEmpty() && seen.peekFirst().checkpoint().size() == size) {
                Result failed = againstRoot(seen.pollFirst(), 0, "checkpoint seen earlier");
                if (failed != null) {
                    return failed;
                }
            }
            return null;
        }

        /** The next stored checkpoint, which must be signed, filed under its own size, and not smaller than the last. */
        private Result advance() {
            long last = next == null ? -1 : next.checkpoint().size();
            next = null;
            if (!checkpoints.hasNext()) {
                return null;
            }
            StoredCheckpoint stored = checkpoints.next();
            read++;
            String which = stored.storedSize() >= 0
                    ? "the checkpoint filed under tree size " + stored.storedSize()
                    : "checkpoint " + read + " (in the export's order)";
            Optional<Signed> parsed = Signed.of(stored.note(), key);
            if (parsed.isEmpty()) {
                return Result.badCheckpoint(
                        which + " is not signed by the log's key " + key.name() + ": it was replaced or changed",
                        tree.size(),
                        good);
            }
            long size = parsed.get().checkpoint().size();
            if (stored.storedSize() >= 0 && stored.storedSize() != size) {
                return Result.badCheckpoint(
                        which + " is the one of size " + size + ": a checkpoint was moved", tree.size(), good);
            }
            if (size < last || size < tree.size()) {
                return Result.badCheckpoint(
                        which + ", of tree size " + size + ", comes after the one of tree size "
                                + Math.max(last, tree.size()) + ": checkpoints are listed by tree size",
                        tree.size(),
                        good);
            }
            next = parsed.get();
            return null;
        }

        private Result againstRoot(Signed s, long coveredBefore, String what) {
            long at = s.checkpoint().size();
            if (!MessageDigest.isEqual(tree.root(), s.checkpoint().root())) {
                long first = Math.min(coveredBefore, Math.max(at - 1, 0));
                return Result.bad(
                        first,
                        "the entries up to tree size " + at + " do not give the root hash the " + what
                                + " signed: an entry from " + first + " to " + (at - 1)
                                + " was changed, deleted, inserted or reordered",
                        tree.size(),
                        good);
            }
            return null;
        }

        private Result truncated(Signed s, String what) {
            long size = tree.size();
            return Result.bad(
                    size,
                    "the " + what + " of tree size " + s.checkpoint().size() + " is signed, but the log holds " + size
                            + " entries: entries from " + size + " on were deleted (the log was truncated)",
                    size,
                    good);
        }
    }

    /** A checkpoint whose signature by the log's key verified. */
    record Signed(SignedNote note, Checkpoint checkpoint) {
        static Optional<Signed> of(String text, SignedNote.VerifierKey key) {
            try {
                SignedNote note = SignedNote.parse(text);
                if (!key.verifies(note)) {
                    return Optional.empty();
                }
                Checkpoint checkpoint = Checkpoint.parse(note.text());
                return checkpoint.origin().equals(key.name())
                        ? Optional.of(new Signed(note, checkpoint))
                        : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
