package id.lintas.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The tree, proofs and verification against RFC 9162 itself: {@link Rfc9162} below is the RFC's
 * recursive definitions (§2.1.1 MTH, §2.1.3.1 PATH, §2.1.4.1 PROOF and SUBPROOF) written as they read,
 * on lists of entries, independent of {@link Merkle}'s stored-node implementation. Every root and every
 * proof of every tree up to 64 entries must be the RFC's, and verify; a changed bit must not.
 */
class MerkleTest {

    private static final int LARGEST = 64;

    private static final List<byte[]> ENTRIES = IntStream.range(0, LARGEST)
            .mapToObj(i -> ("entry " + i).repeat(i % 5).getBytes(StandardCharsets.UTF_8))
            .toList();

    private static final List<byte[]> LEAF_HASHES =
            ENTRIES.stream().map(Merkle::leafHash).toList();

    private static final Merkle.Nodes NODES = Merkle.inMemory(LEAF_HASHES);

    @Test
    void theEmptyTreeHashesToSha256OfNothing() {
        // RFC 9162 §2.1.1: MTH({}) = SHA-256(); FIPS 180-4's digest of the empty string.
        assertThat(HexFormat.of().formatHex(Merkle.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void leavesAndNodesAreHashedWithTheirDomainSeparationPrefix() {
        byte[] entry = ENTRIES.get(3);
        assertThat(Merkle.leafHash(entry)).isEqualTo(Rfc9162.sha256(new byte[] {0}, entry));
        assertThat(Merkle.nodeHash(LEAF_HASHES.get(0), LEAF_HASHES.get(1)))
                .isEqualTo(Rfc9162.sha256(new byte[] {1}, LEAF_HASHES.get(0), LEAF_HASHES.get(1)));
    }

    @Test
    void theRootOfEverySizeIsTheRfcsTreeHead() {
        for (int size = 0; size <= LARGEST; size++) {
            byte[] expected = Rfc9162.mth(ENTRIES.subList(0, size));
            assertThat(Merkle.root(NODES, size)).as("size %d", size).isEqualTo(expected);
            assertThat(Merkle.root(Merkle.inMemory(LEAF_HASHES.subList(0, size)), size))
                    .as("size %d", size)
                    .isEqualTo(expected);
        }
    }

    @Test
    void aCompactRangeGrownOneLeafAtATimeHasTheRfcsTreeHeadAtEverySize() {
        Merkle.CompactRange range = new Merkle.CompactRange();
        assertThat(range.root()).isEqualTo(Rfc9162.mth(List.of()));
        for (int size = 1; size <= LARGEST; size++) {
            range.append(LEAF_HASHES.get(size - 1));
            assertThat(range.size()).isEqualTo(size);
            assertThat(range.root()).as("size %d", size).isEqualTo(Rfc9162.mth(ENTRIES.subList(0, size)));
        }
    }

    @Test
    void everyInclusionProofIsTheRfcsAuditPathAndVerifies() throws Exception {
        for (int size = 1; size <= LARGEST; size++) {
            List<byte[]> tree = ENTRIES.subList(0, size);
            byte[] root = Rfc9162.mth(tree);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = Merkle.inclusionProof(NODES, index, size);
                assertThat(proof).as("leaf %d of %d", index, size).containsExactlyElementsOf(Rfc9162.path(index, tree));
                Merkle.verifyInclusion(index, size, LEAF_HASHES.get(index), proof, root);
            }
        }
    }

    @Test
    void everyConsistencyProofIsTheRfcsAndVerifies() throws Exception {
        for (int second = 1; second <= LARGEST; second++) {
            List<byte[]> tree = ENTRIES.subList(0, second);
            byte[] secondRoot = Rfc9162.mth(tree);
            for (int first = 1; first <= second; first++) {
                List<byte[]> proof = Merkle.consistencyProof(NODES, first, second);
                assertThat(proof).as("%d to %d", first, second).containsExactlyElementsOf(Rfc9162.proof(first, tree));
                Merkle.verifyConsistency(first, second, Rfc9162.mth(ENTRIES.subList(0, first)), secondRoot, proof);
            }
        }
    }

    @Test
    void aProofWithOneBitChangedOrForAnotherLeafFails() {
        int size = 50;
        byte[] root = Rfc9162.mth(ENTRIES.subList(0, size));
        for (int index = 0; index < size; index++) {
            List<byte[]> proof = Merkle.inclusionProof(NODES, index, size);
            int leaf = index;
            assertThatThrownBy(
                            () -> Merkle.verifyInclusion(leaf, size, LEAF_HASHES.get((leaf + 1) % size), proof, root))
                    .isInstanceOf(Merkle.ProofException.class);
            for (int i = 0; i < proof.size(); i++) {
                List<byte[]> changed = flipped(proof, i);
                assertThatThrownBy(() -> Merkle.verifyInclusion(leaf, size, LEAF_HASHES.get(leaf), changed, root))
                        .isInstanceOf(Merkle.ProofException.class);
            }
        }
        for (int first = 1; first < size; first++) {
            List<byte[]> proof = Merkle.consistencyProof(NODES, first, size);
            byte[] firstRoot = Rfc9162.mth(ENTRIES.subList(0, first));
            for (int i = 0; i < proof.size(); i++) {
                List<byte[]> changed = flipped(proof, i);
                int from = first;
                assertThatThrownBy(() -> Merkle.verifyConsistency(from, size, firstRoot, root, changed))
                        .isInstanceOf(Merkle.ProofException.class);
            }
            byte[] otherFirstRoot = Rfc9162.mth(ENTRIES.subList(1, first + 1));
            int from = first;
            assertThatThrownBy(() -> Merkle.verifyConsistency(from, size, otherFirstRoot, root, proof))
                    .isInstanceOf(Merkle.ProofException.class);
        }
    }

    @Test
    void aShorterTreeThanOneSeenBeforeIsATruncation() {
        byte[] eight = Rfc9162.mth(ENTRIES.subList(0, 8));
        byte[] five = Rfc9162.mth(ENTRIES.subList(0, 5));
        assertThatThrownBy(() -> Merkle.verifyConsistency(8, 5, eight, five, List.of()))
                .isInstanceOf(Merkle.ProofException.class)
                .hasMessageContaining("truncated");
        assertThatNoException().isThrownBy(() -> Merkle.verifyConsistency(0, 5, Merkle.emptyRoot(), five, List.of()));
    }

    private static List<byte[]> flipped(List<byte[]> proof, int i) {
        List<byte[]> changed = new ArrayList<>(proof);
        byte[] hash = changed.get(i).clone();
        hash[hash.length - 1] ^= 1;
        changed.set(i, hash);
        return changed;
    }

    /** RFC 9162 §2.1, as the RFC writes it: recursive, on the entries, nothing stored. */
    static final class Rfc9162 {

        private Rfc9162() {}

        /** §2.1.1: MTH(D[n]). */
        static byte[] mth(List<byte[]> d) {
            int n = d.size();
            if (n == 0) {
                return sha256();
            }
            if (n == 1) {
                return sha256(new byte[] {0}, d.get(0));
            }
            int k = k(n);
            return sha256(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, n)));
        }

        /** §2.1.3.1: PATH(m, D[n]). */
        static List<byte[]> path(int m, List<byte[]> d) {
            int n = d.size();
            List<byte[]> path = new ArrayList<>();
            if (n == 1) {
                return path;
            }
            int k = k(n);
            if (m < k) {
                path.addAll(path(m, d.subList(0, k)));
                path.add(mth(d.subList(k, n)));
            } else {
                path.addAll(path(m - k, d.subList(k, n)));
                path.add(mth(d.subList(0, k)));
            }
            return path;
        }

        /** §2.1.4.1: PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
        static List<byte[]> proof(int m, List<byte[]> d) {
            return subproof(m, d, true);
        }

        private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
            int n = d.size();
            List<byte[]> proof = new ArrayList<>();
            if (m == n) {
                if (!b) {
                    proof.add(mth(d));
                }
                return proof;
            }
            int k = k(n);
            if (m <= k) {
                proof.addAll(subproof(m, d.subList(0, k), b));
                proof.add(mth(d.subList(k, n)));
            } else {
                proof.addAll(subproof(m - k, d.subList(k, n), false));
                proof.add(mth(d.subList(0, k)));
            }
            return proof;
        }

        /** The largest power of two smaller than n (n > 1). */
        private static int k(int n) {
            return Integer.highestOneBit(n - 1);
        }

        static byte[] sha256(byte[]... parts) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (byte[] part : parts) {
                    digest.update(part);
                }
                return digest.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
