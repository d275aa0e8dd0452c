package id.lintas.hub.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0) §2.1 with SHA-256: tree hashes of any size,
 * inclusion proofs (§2.1.3) and consistency proofs (§2.1.4), and their verification exactly as the RFC's
 * algorithms state. Hashes of complete subtrees come from a {@link Nodes} source (the stored tree, or
 * leaves in memory), so a proof costs O(log² n) look-ups at most and usually O(log n).
 */
public final class Merkle {

    /** The hash of a complete subtree: level 0 are leaf hashes, (level, index) covers leaves [index·2^level, (index+1)·2^level). */
    @FunctionalInterface
    public interface Nodes {
        byte[] node(int level, long index);
    }

    /** The proof does not prove what it was given to prove; the message says which step failed. */
    public static final class ProofException extends Exception {
        public ProofException(String message) {
            super(message);
        }
    }

    public static final int HASH_SIZE = 32;

    private Merkle() {}

    /** SHA-256(0x00 ‖ entry). */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(entry);
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    /** The hash of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH(D[0:size]). */
    public static byte[] root(Nodes nodes, long size) {
        return size == 0 ? emptyRoot() : range(nodes, 0, size);
    }

    /** MTH(D[start:end]) for a non-empty range. */
    static byte[] range(Nodes nodes, long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return nodes.node(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(range(nodes, start, start + k), range(nodes, start + k, end));
    }

    /** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, the leaf's sibling first. */
    public static List<byte[]> inclusionProof(Nodes nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(nodes, index, 0, size, proof);
        return proof;
    }

    private static void path(Nodes nodes, long m, long start, long end, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(nodes, m, start, start + k, proof);
            proof.add(range(nodes, start + k, end));
        } else {
            path(nodes, m - k, start + k, end, proof);
            proof.add(range(nodes, start, start + k));
        }
    }

    /** PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1; empty when first is 0 or equals second. */
    public static List<byte[]> consistencyProof(Nodes nodes, long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to size " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(nodes, first, 0, second, true, proof);
        }
        return proof;
    }

    private static void subproof(Nodes nodes, long m, long start, long end, boolean whole, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(range(nodes, start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(nodes, m, start, start + k, whole, proof);
            proof.add(range(nodes, start + k, end));
        } else {
            subproof(nodes, m - k, start + k, end, false, proof);
            proof.add(range(nodes, start, start + k));
        }
    }

    /** Verifies an inclusion proof by the algorithm of RFC 9162 §2.1.3.2. */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws ProofException {
        if (index < 0 || index >= size) {
            throw new ProofException("index " + index + " is not in a tree of size " + size);
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new ProofException("the inclusion proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the inclusion proof is shorter than the tree is deep");
        }
        if (!MessageDigest.isEqual(r, root)) {
            throw new ProofException("the inclusion proof does not lead to the root hash");
        }
    }

    /**
     * Verifies a consistency proof by the algorithm of RFC 9162 §2.1.4.2. As RFC 9162 leaves them out, the
     * trivial cases are: equal sizes need equal roots and an empty proof; from size 0 any tree is
     * consistent, with an empty proof.
     */
    public static void verifyConsistency(
            long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) throws ProofException {
        if (first < 0 || second < first) {
            throw new ProofException(
                    "tree size " + second + " is smaller than the earlier size " + first + ": the log was truncated");
        }
        if (first == second) {
            if (!proof.isEmpty()) {
                throw new ProofException("a proof between equal sizes is empty");
            }
            if (!MessageDigest.isEqual(firstRoot, secondRoot)) {
                throw new ProofException(
                        "two different root hashes for the same tree size " + first + ": a forked log");
            }
            return;
        }
        if (first == 0) {
            if (!proof.isEmpty()) {
                throw new ProofException("a proof from the empty tree is empty");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofException("the consistency proof is empty");
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofException("the consistency proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the consistency proof is shorter than the tree is deep");
        }
        if (!MessageDigest.isEqual(fr, firstRoot)) {
            throw new ProofException("the consistency proof does not lead to the earlier root hash");
        }
        if (!MessageDigest.isEqual(sr, secondRoot)) {
            throw new ProofException(
                    "the consistency proof does not lead to the later root hash: the later tree does not extend the earlier one");
        }
    }

    /**
     * The root of a tree that grows one leaf at a time, in O(log n) memory: the hashes of the complete subtrees
     * that make up [0, size) (a compact range, as transparency-dev/merkle calls it; one hash per 1-bit of size,
     * largest first), so a verifier reading entries in order has the root of every prefix without holding the
     * leaves.
     */
    public static final class CompactRange {

        private final List<byte[]> subtrees = new ArrayList<>();
        private long size;

        /** Appends the next leaf: merges the subtrees it completes. */
        public void append(byte[] leafHash) {
            byte[] hash = leafHash;
            for (long s = size; (s & 1) == 1; s >>>= 1) {
                hash = nodeHash(subtrees.remove(subtrees.size() - 1), hash);
            }
            subtrees.add(hash);
            size++;
        }

        public long size() {
            return size;
        }

        /** MTH(D[0:size]): the subtrees folded from the smallest, as RFC 9162 splits at the largest power of two. */
        public byte[] root() {
            if (size == 0) {
                return emptyRoot();
            }
            byte[] root = subtrees.get(subtrees.size() - 1);
            for (int i = subtrees.size() - 2; i >= 0; i--) {
                root = nodeHash(subtrees.get(i), root);
            }
            return root;
        }
    }

    /** The complete subtree hashes of leaves held in memory (tests). */
    public static Nodes inMemory(List<byte[]> leafHashes) {
        List<List<byte[]>> levels = new ArrayList<>();
        levels.add(new ArrayList<>(leafHashes));
        while (levels.get(levels.size() - 1).size() > 1) {
            List<byte[]> below = levels.get(levels.size() - 1);
            List<byte[]> above = new ArrayList<>(below.size() / 2);
            for (int i = 0; i + 1 < below.size(); i += 2) {
                above.add(nodeHash(below.get(i), below.get(i + 1)));
            }
            levels.add(above);
        }
        return (level, index) -> {
            if (level >= levels.size() || index >= levels.get(level).size()) {
                throw new IllegalArgumentException("no complete subtree at level " + level + ", index " + index);
            }
            return levels.get(level).get((int) index);
        };
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    static boolean equal(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
