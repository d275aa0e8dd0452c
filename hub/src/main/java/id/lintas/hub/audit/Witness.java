package id.lintas.hub.audit;

import com.google.crypto.tink.subtle.Ed25519Sign;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * A witness of the log, as a region's system runs one (docs/audit.md, "Witnessing"): it cosigns a
 * checkpoint only when the log's key signed it and a consistency proof shows that it extends the
 * latest checkpoint this witness cosigned before. A hub that shows two witnesses different histories
 * is caught: the witness that saw the other history refuses the proof, and two cosigned checkpoints of
 * one size with different roots are, together, evidence of the fork ({@link #fork}).
 */
public final class Witness {

    private final SignedNote.VerifierKey log;
    private final Ed25519Sign signer;
    private final SignedNote.VerifierKey key;
    private Checkpoint latest;

    /**
     * @param name the cosigner's key name (the kid of its registered WITNESS key)
     * @param seed the 32-byte Ed25519 private key
     * @param log the log's verifier key
     */
    public Witness(String name, byte[] seed, SignedNote.VerifierKey log) {
        this.log = log;
        try {
            Ed25519Sign.KeyPair pair = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed);
            this.signer = new Ed25519Sign(pair.getPrivateKey());
            this.key = SignedNote.VerifierKey.of(name, SignedNote.COSIGNATURE_V1, pair.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an Ed25519 seed", e);
        }
    }

    /**
     * A witness that resumes where it left off: it cosigns only checkpoints that extend {@code latest}.
     *
     * @param latest the checkpoint this witness saw last (kept between runs), or null before its first
     */
    public Witness(String name, byte[] seed, SignedNote.VerifierKey log, Checkpoint latest) {
        this(name, seed, log);
        this.latest = latest;
    }

    /** The cosigner key (type 0x04), as a vkey and for its JWK. */
    public SignedNote.VerifierKey verifierKey() {
        return key;
    }

    public Optional<Checkpoint> latest() {
        return Optional.ofNullable(latest);
    }

    /**
     * Checks the checkpoint and cosigns it.
     *
     * @param note the checkpoint as the log serves it
     * @param proof the consistency proof from the latest checkpoint this witness cosigned to this one
     * @param now the cosignature's time, POSIX seconds
     * @return the checkpoint note with this witness's cosignature line added
     * @throws Merkle.ProofException when the log's signature is missing or the proof fails: the log forked or was truncated
     */
    public String cosign(String note, List<byte[]> proof, long now) throws Merkle.ProofException {
        Optional<LogVerifier.Signed> signed = LogVerifier.Signed.of(note, log);
        if (signed.isEmpty()) {
            throw new Merkle.ProofException("the checkpoint is not signed by the log's key " + log.name());
        }
        Checkpoint next = signed.get().checkpoint();
        if (latest != null) {
            Merkle.verifyConsistency(latest.size(), next.size(), latest.root(), next.root(), proof);
        }
        latest = next;
        String text = signed.get().note().text();
        try {
            byte[] signature = signer.sign(Checkpoint.cosignedMessage(text, now));
            SignedNote.Signature line = new SignedNote.Signature(
                    key.name(),
                    key.keyId(),
                    ByteBuffer.allocate(72).putLong(now).put(signature).array());
            return signed.get().note().with(line).serialize();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the cosignature could not be made", e);
        }
    }

    /**
     * Two checkpoints, each signed by the log, of one tree size but different roots: evidence that the log
     * showed two histories. (Of different sizes, a consistency proof decides: {@link Merkle#verifyConsistency}.)
     */
    public static boolean fork(String one, String other, SignedNote.VerifierKey log) {
        Optional<LogVerifier.Signed> a = LogVerifier.Signed.of(one, log);
        Optional<LogVerifier.Signed> b = LogVerifier.Signed.of(other, log);
        return a.isPresent()
                && b.isPresent()
                && a.get().checkpoint().size() == b.get().checkpoint().size()
                && !MessageDigest.isEqual(
                        a.get().checkpoint().root(), b.get().checkpoint().root());
    }
}
