package id.lintas.hub.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The note text of a C2SP checkpoint (c2sp.org/tlog-checkpoint): origin, tree size, base64 root hash,
 * each on its own line; this log adds no extension lines.
 */
public record Checkpoint(String origin, long size, byte[] root) {

    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /**
     * Parses a checkpoint's note text.
     *
     * @throws IllegalArgumentException saying which line is malformed
     */
    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException(
                    "a checkpoint is origin, tree size and root hash lines, each ending in a newline");
        }
        if (lines[0].isEmpty()) {
            throw new IllegalArgumentException("the checkpoint's origin line is empty");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("the checkpoint's tree size is not a decimal without leading zeroes");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint's root hash is not base64");
        }
        if (root.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("the checkpoint's root hash is not 32 bytes");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
    }

    /**
     * The message an Ed25519 cosignature (type 0x04, c2sp.org/tlog-cosignature) signs: {@code cosignature/v1},
     * {@code time <timestamp>}, then the checkpoint's note text.
     */
    public static byte[] cosignedMessage(String checkpointText, long timestamp) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    /** The timestamp of an Ed25519 cosignature's {@code timestamped_signature} (8 bytes, big-endian, then 64). */
    public static long cosignatureTime(SignedNote.Signature signature) {
        if (signature.signature().length != 8 + 64) {
            throw new IllegalArgumentException("an Ed25519 cosignature is an 8-byte timestamp and a 64-byte signature");
        }
        long time = ByteBuffer.wrap(signature.signature()).getLong();
        if (time < 0) {
            throw new IllegalArgumentException("the cosignature's timestamp exceeds 2^63 - 1");
        }
        return time;
    }

    /** True when the cosignature line is the key's valid cosignature of the checkpoint text. */
    public static boolean cosignedBy(
            SignedNote.VerifierKey key, String checkpointText, SignedNote.Signature signature) {
        if (key.type() != SignedNote.COSIGNATURE_V1 || !key.names(signature)) {
            return false;
        }
        long time = cosignatureTime(signature);
        byte[] sig = java.util.Arrays.copyOfRange(signature.signature(), 8, 72);
        return SignedNote.ed25519(key.publicKey(), sig, cosignedMessage(checkpointText, time));
    }
}
