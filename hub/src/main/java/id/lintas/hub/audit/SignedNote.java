package id.lintas.hub.audit;

import com.google.crypto.tink.subtle.Ed25519Verify;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and signature
 * lines {@code — <key name> base64(key ID ‖ signature)}. Ed25519 note keys (type 0x01) and Ed25519
 * timestamped cosignatures (type 0x04, c2sp.org/tlog-cosignature) are what this log uses.
 *
 * @param text the note text, with its final newline
 * @param signatures the signature lines, in order
 */
public record SignedNote(String text, List<Signature> signatures) {

    /** The signature type byte of Ed25519 note signatures. */
    public static final byte ED25519 = 0x01;
    /** The signature type byte of timestamped Ed25519 checkpoint cosignatures. */
    public static final byte COSIGNATURE_V1 = 0x04;

    static final String DASH = "\u2014 ";
    private static final int MAX_SIGNATURES = 64;

    /** One signature line: the key's name, its 4-byte ID and the signature bytes after it. */
    public record Signature(String keyName, int keyId, byte[] signature) {
        public String line() {
            byte[] all = ByteBuffer.allocate(4 + signature.length)
                    .putInt(keyId)
                    .put(signature)
                    .array();
            return DASH + keyName + " " + Base64.getEncoder().encodeToString(all) + "\n";
        }
    }

    /**
     * A verifier key {@code <name>+<hex key ID>+<base64(type ‖ public key)>}.
     *
     * @param name the key name
     * @param keyId the key ID, SHA-256(name ‖ 0x0A ‖ type ‖ key)[:4]
     * @param type the signature type byte
     * @param publicKey the 32-byte Ed25519 public key
     */
    public record VerifierKey(String name, int keyId, byte type, byte[] publicKey) {

        public static VerifierKey of(String name, byte type, byte[] publicKey) {
            return new VerifierKey(name, SignedNote.keyId(name, type, publicKey), type, publicKey.clone());
        }

        /** Parses a vkey, checking that its key ID is the one its name, type and key give. */
        public static VerifierKey parse(String vkey) {
            String bare = vkey.strip();
            int plus = bare.indexOf('+');
            String[] parts = plus <= 0 || bare.length() < plus + 10 || bare.charAt(plus + 9) != '+'
                    ? new String[0]
                    : new String[] {
                        bare.substring(0, plus), bare.substring(plus + 1, plus + 9), bare.substring(plus + 10)
                    };
            if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
                throw new IllegalArgumentException("a verifier key is <name>+<8 hex digits>+<base64 key>");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the verifier key's key is not base64");
            }
            if (material.length != 33 || (material[0] != ED25519 && material[0] != COSIGNATURE_V1)) {
                throw new IllegalArgumentException(
                        "the verifier key is not an Ed25519 key (type 0x01 or 0x04, 32 bytes)");
            }
            byte[] key = java.util.Arrays.copyOfRange(material, 1, 33);
            VerifierKey parsed = of(parts[0], material[0], key);
            if (parsed.keyId() != (int) Long.parseLong(parts[1], 16)) {
                throw new IllegalArgumentException("the verifier key's key ID does not match its name and key");
            }
            return parsed;
        }

        @Override
        public String toString() {
            byte[] material = ByteBuffer.allocate(33).put(type).put(publicKey).array();
            return name + "+" + HexFormat.of().toHexDigits(keyId) + "+"
                    + Base64.getEncoder().encodeToString(material);
        }

        /** True when this key made the signature line (name and key ID both match). */
        public boolean names(Signature signature) {
            return signature.keyName().equals(name) && signature.keyId() == keyId;
        }

        /** Verifies an Ed25519 note signature (type 0x01) over the note text. */
        public boolean verifies(SignedNote note) {
            if (type != ED25519) {
                return false;
            }
            for (Signature s : note.signatures()) {
                if (names(s)) {
                    return ed25519(publicKey, s.signature(), note.text().getBytes(StandardCharsets.UTF_8));
                }
            }
            return false;
        }
    }

    /** The key ID of signed-note: SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4], big-endian. */
    public static int keyId(String name, byte type, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0x0A);
            sha.update(type);
            return ByteBuffer.wrap(sha.digest(publicKey)).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean ed25519(byte[] publicKey, byte[] signature, byte[] message) {
        try {
            new Ed25519Verify(publicKey).verify(signature, message);
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The note as served: text, blank line, signature lines. */
    public String serialize() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }

    public SignedNote with(Signature more) {
        List<Signature> all = new ArrayList<>(signatures);
        all.add(more);
        return new SignedNote(text, List.copyOf(all));
    }

    /**
     * Parses a signed note.
     *
     * @throws IllegalArgumentException saying what is malformed
     */
    public static SignedNote parse(String note) {
        if (note.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("a signed note holds no control characters but newlines");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException(
                    "a signed note is a text, a blank line and signature lines, each ending in a newline");
        }
        String text = note.substring(0, split + 1);
        List<Signature> signatures = new ArrayList<>();
        for (String line : note.substring(split + 2).split("\n")) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw new IllegalArgumentException("more than " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(signatureLine(line + "\n"));
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed note has at least one signature line");
        }
        return new SignedNote(text, List.copyOf(signatures));
    }

    /** Parses one signature line {@code — <name> <base64>} (with or without its newline). */
    public static Signature signatureLine(String line) {
        String bare = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        if (!bare.startsWith(DASH)) {
            throw new IllegalArgumentException("a signature line starts with an em dash and a space");
        }
        String[] parts = bare.substring(DASH.length()).split(" ", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[0].contains("+")) {
            throw new IllegalArgumentException("a signature line is '— <key name> <base64 signature>'");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the signature of " + parts[0] + " is not base64");
        }
        if (all.length < 5) {
            throw new IllegalArgumentException("the signature of " + parts[0] + " is too short");
        }
        return new Signature(parts[0], ByteBuffer.wrap(all).getInt(), java.util.Arrays.copyOfRange(all, 4, all.length));
    }

    public Optional<Signature> signatureOf(VerifierKey key) {
        return signatures.stream().filter(key::names).findFirst();
    }
}
