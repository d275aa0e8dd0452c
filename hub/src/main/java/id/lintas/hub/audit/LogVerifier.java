package id.lintas.hub.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
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
     * @param entries the whole log from index 0, in index order
     * @param checkpoints the log's checkpoints, any order
     * @param key the log's verifier key, obtained independently of the log
     * @param trusted checkpoints seen earlier (signed notes), which the log must still extend
     */
    public static Result verify(
            List<Entry> entries, List<StoredCheckpoint> checkpoints, SignedNote.VerifierKey key, List<String> trusted) {
        List<byte[]> leaves = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.index() != i) {
                return Result.bad(
                        i,
                        entry.index() > i
                                ? "entry " + i + " is missing: after entry " + (i - 1) + " comes entry " + entry.index()
                                : "entry " + entry.index() + " appears twice, or out of order, at position " + i,
                        entries.size(),
                        0);
            }
            try {
                EntryEncoding.decode(entry.bytes());
            } catch (IllegalArgumentException e) {
                return Result.bad(
                        i, "entry " + i + " is not a canonical audit entry: " + e.getMessage(), entries.size(), 0);
            }
            byte[] leaf = Merkle.leafHash(entry.bytes());
            if (entry.storedLeafHash() != null && !MessageDigest.isEqual(leaf, entry.storedLeafHash())) {
                return Result.bad(
                        i,
                        "entry " + i + " does not hash to the leaf the tree holds for it: its bytes were changed, or"
                                + " the entry was moved, inserted or replaced",
                        entries.size(),
                        0);
            }
            leaves.add(leaf);
        }
        Merkle.Nodes tree = Merkle.inMemory(leaves);
        long size = leaves.size();

        List<Signed> signed = new ArrayList<>();
        for (int i = 0; i < checkpoints.size(); i++) {
            StoredCheckpoint stored = checkpoints.get(i);
            Optional<Signed> parsed = Signed.of(stored.note(), key);
            if (parsed.isEmpty()) {
                return Result.badCheckpoint(
                        (stored.storedSize() >= 0
                                        ? "the checkpoint filed under tree size " + stored.storedSize()
                                        : "checkpoint " + (i + 1) + " of " + checkpoints.size())
                                + " is not signed by the log's key " + key.name()
                                + ": it was replaced or changed",
                        size,
                        0);
            }
            if (stored.storedSize() >= 0
                    && stored.storedSize() != parsed.get().checkpoint().size()) {
                return Result.badCheckpoint(
                        "the checkpoint filed under tree size " + stored.storedSize() + " is the one of size "
                                + parsed.get().checkpoint().size() + ": a checkpoint was moved",
                        size,
                        0);
            }
            signed.add(parsed.get());
        }
        signed.sort(Comparator.comparingLong(s -> s.checkpoint().size()));
        long covered = 0;
        int good = 0;
        for (Signed s : signed) {
            Result failed = againstEntries(s, tree, size, covered, good, "checkpoint");
            if (failed != null) {
                return failed;
            }
            covered = s.checkpoint().size();
            good++;
        }
        for (String note : trusted) {
            Optional<Signed> earlier = Signed.of(note, key);
            if (earlier.isEmpty()) {
                return Result.badCheckpoint(
                        "a checkpoint given as seen earlier is not signed by the log's key " + key.name(), size, good);
            }
            Result failed = againstEntries(earlier.get(), tree, size, 0, good, "checkpoint seen earlier");
            if (failed != null) {
                return failed;
            }
        }
        return new Result(true, null, null, size, good);
    }

    private static Result againstEntries(Signed s, Merkle.Nodes tree, long size, long covered, int good, String what) {
        long at = s.checkpoint().size();
        if (at > size) {
            return Result.bad(
                    size,
                    "the " + what + " of tree size " + at + " is signed, but the log holds " + size
                            + " entries: entries from " + size + " on were deleted (the log was truncated)",
                    size,
                    good);
        }
        if (!MessageDigest.isEqual(Merkle.root(tree, at), s.checkpoint().root())) {
            long first = Math.min(covered, Math.max(at - 1, 0));
            return Result.bad(
                    first,
                    "the entries up to tree size " + at + " do not give the root hash the " + what
                            + " signed: an entry from " + first + " to " + (at - 1)
                            + " was changed, deleted, inserted or reordered",
                    size,
                    good);
        }
        return null;
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
