package id.lintas.hub.agreement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The exact bytes a party signs: the RFC 8785 (JCS) canonical JSON of an agreement version. Two
 * documents that differ only in whitespace or key order have the same form; any other change,
 * however small, gives different bytes, so an old signature no longer verifies.
 */
public final class CanonicalForm {

    private CanonicalForm() {}

    public static String of(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String json) {
        return of(json).getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(String canonical) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
