package id.lintas.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tree, proofs and verification against the published RFC 6962 / RFC 9162 test vectors of
 * github.com/transparency-dev/merkle (testonly/constants.go: the eight leaf inputs and the root of every
 * size; testdata/inclusion and testdata/consistency: the "happy-path" probes), the vectors Certificate
 * Transparency's own implementations test against.
 */
class MerkleTest {

    private static final HexFormat HEX = HexFormat.of();

    /** testonly.LeafInputs(). */
    private static final List<byte[]> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f").stream().map(HEX::parseHex).toList();

    /** testonly.RootHashes(), by tree size 0 to 8. */
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static Merkle.Nodes tree(int size) {
        return Merkle.inMemory(LEAVES.subList(0, size).stream().map(Merkle::leafHash).toList());
    }

    private static List<byte[]> b64(String spaceSeparated) {
        return spaceSeparated.isBlank() ? List.of()
                : java.util.Arrays.stream(spaceSeparated.split(" ")).map(Base64.getDecoder()::decode).toList();
    }

    private static List<String> asBase64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    @Test
    void theRootOfEverySizeIsThePublishedOne() {
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(Merkle.root(tree(size), size))).as("size %d", size).isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void theEmptyTreeHashesToSha256OfNothing() {
        assertThat(HEX.formatHex(Merkle.emptyRoot())).isEqualTo(ROOTS.get(0));
    }

    /** testdata/inclusion/{0,1,2,3,4}/happy-path.json: leaf index, tree size, leaf hash, proof. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0;1;bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=;",
        "0;8;bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=;lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c= Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4= a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=",
        "5;8;QnGia+DYqE8L1UyMMC58s6O10fpngKQLzOKHNHfatlg=;vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms= yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA= 037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=",
        "2;3;ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=;+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=",
        "1;5;lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=;bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0= Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4= vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=",
    })
    void inclusionProofsAreThePublishedOnesAndVerify(long index, long size, String leafHash, String proof) throws Exception {
        String published = proof == null ? "" : proof;
        assertThat(Base64.getEncoder().encodeToString(Merkle.leafHash(LEAVES.get((int) index)))).isEqualTo(leafHash);
        assertThat(asBase64(Merkle.inclusionProof(tree((int) size), index, size))).isEqualTo(b64(published).stream()
                .map(Base64.getEncoder()::encodeToString).toList());
        Merkle.verifyInclusion(index, size, Base64.getDecoder().decode(leafHash), b64(published), HEX.parseHex(ROOTS.get((int) size)));
    }

    /** testdata/consistency/{0,1,2,3,4}/happy-path.json: sizes and proof. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1;1;",
        "1;8;lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c= Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4= a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=",
        "6;8;DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o= yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA= 037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=",
        "2;5;Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4= vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=",
        "6;7;DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o= sIaT7C5yFZcTBkHoIR5+7cy0wmQTlj7ubB4u0W/7Gl8= 037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=",
    })
    void consistencyProofsAreThePublishedOnesAndVerify(long first, long second, String proof) throws Exception {
        String published = proof == null ? "" : proof;
        assertThat(asBase64(Merkle.consistencyProof(tree((int) second), first, second)))
                .isEqualTo(asBase64(b64(published)));
        Merkle.verifyConsistency(first, second, HEX.parseHex(ROOTS.get((int) first)), HEX.parseHex(ROOTS.get((int) second)),
                b64(published));
    }

    /** testdata/inclusion/1/wrong-leaf.json and testdata/consistency/2/wrong-root2.json. */
    @Test
    void theProbesThatMustFailFail() {
        List<byte[]> inclusion = b64("lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c= Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4="
                + " a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=");
        assertThatThrownBy(() -> Merkle.verifyInclusion(0, 8, Base64.getDecoder().decode("V3JvbmdMZWFm"), inclusion,
                HEX.parseHex(ROOTS.get(8)))).isInstanceOf(Merkle.ProofException.class);
        List<byte[]> consistency = b64("DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o= yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA="
                + " 037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=");
        assertThatThrownBy(() -> Merkle.verifyConsistency(6, 8, HEX.parseHex(ROOTS.get(6)), Base64.getDecoder().decode("V3JvbmdSb290"),
                consistency)).isInstanceOf(Merkle.ProofException.class);
    }

    @Test
    void everyProofOfATreeOfAHundredLeavesVerifiesAndFailsWhenOneBitChanges() throws Exception {
        List<byte[]> leaves = IntStream.range(0, 100).mapToObj(i -> Merkle.leafHash(("entry " + i).getBytes())).toList();
        Merkle.Nodes nodes = Merkle.inMemory(leaves);
        List<byte[]> roots = new ArrayList<>();
        for (int size = 0; size <= 100; size++) {
            roots.add(Merkle.root(Merkle.inMemory(leaves.subList(0, size)), size));
            assertThat(Merkle.root(nodes, size)).isEqualTo(roots.get(size));
        }
        for (int size = 1; size <= 100; size++) {
            for (int index = 0; index < size; index++) {
                Merkle.verifyInclusion(index, size, leaves.get(index), Merkle.inclusionProof(nodes, index, size), roots.get(size));
            }
            for (int first = 0; first <= size; first++) {
                Merkle.verifyConsistency(first, size, roots.get(first), roots.get(size), Merkle.consistencyProof(nodes, first, size));
            }
        }
        List<byte[]> proof = new ArrayList<>(Merkle.consistencyProof(nodes, 37, 90));
        byte[] flipped = proof.get(1).clone();
        flipped[7] ^= 1;
        proof.set(1, flipped);
        assertThatThrownBy(() -> Merkle.verifyConsistency(37, 90, roots.get(37), roots.get(90), proof))
                .isInstanceOf(Merkle.ProofException.class);
        assertThatThrownBy(() -> Merkle.verifyInclusion(12, 90, leaves.get(13), Merkle.inclusionProof(nodes, 12, 90), roots.get(90)))
                .isInstanceOf(Merkle.ProofException.class);
    }

    @Test
    void aShorterTreeThanOneSeenBeforeIsATruncation() {
        assertThatThrownBy(() -> Merkle.verifyConsistency(8, 5, HEX.parseHex(ROOTS.get(8)), HEX.parseHex(ROOTS.get(5)), List.of()))
                .isInstanceOf(Merkle.ProofException.class).hasMessageContaining("truncated");
        assertThatNoException().isThrownBy(() -> Merkle.verifyConsistency(0, 5, Merkle.emptyRoot(), HEX.parseHex(ROOTS.get(5)), List.of()));
    }
}
