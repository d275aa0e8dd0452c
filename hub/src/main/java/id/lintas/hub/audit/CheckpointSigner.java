package id.lintas.hub.audit;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import id.lintas.hub.platform.HubProperties;
import id.lintas.hub.protect.Keysets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs checkpoints with the log's Ed25519 key (a Tink keyset kept under the data directory, readable by
 * the hub's user only, like the field keys): a C2SP signed note whose key name is the log's origin.
 */
@Component
public class CheckpointSigner {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

    private final String origin;
    private final PublicKeySign signer;
    private final SignedNote.VerifierKey verifierKey;

    @org.springframework.beans.factory.annotation.Autowired
    CheckpointSigner(AuditProperties properties, HubProperties hub) {
        this(
                properties.origin(),
                Keysets.ed25519(AuditProperties.keyset(
                        properties.signingKeyset(), "signing-keyset", hub.dataDir(), "audit-signing-key.json")));
        log.info("Audit checkpoints are signed by {}", verifierKey);
    }

    CheckpointSigner(String origin, KeysetHandle keyset) {
        this.origin = origin;
        try {
            this.signer = keyset.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
            Ed25519PublicKey publicKey = (Ed25519PublicKey)
                    keyset.getPublicKeysetHandle().getPrimary().getKey();
            this.verifierKey = SignedNote.VerifierKey.of(
                    origin, SignedNote.ED25519, publicKey.getPublicKeyBytes().toByteArray());
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("the audit signing keyset is not an Ed25519 keyset", e);
        }
    }

    public String origin() {
        return origin;
    }

    /** The note verifier key {@code <origin>+<hex key ID>+<base64(0x01 ‖ key)>}. */
    public SignedNote.VerifierKey verifierKey() {
        return verifierKey;
    }

    public SignedNote sign(Checkpoint checkpoint) {
        String text = checkpoint.text();
        try {
            byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
            return new SignedNote(text, List.of(new SignedNote.Signature(origin, verifierKey.keyId(), signature)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the checkpoint could not be signed", e);
        }
    }
}
