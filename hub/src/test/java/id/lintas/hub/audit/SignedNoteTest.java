package id.lintas.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.subtle.Ed25519Sign;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signed notes, checkpoints and cosignatures as C2SP defines them (c2sp.org/signed-note, tlog-checkpoint, tlog-cosignature). */
class SignedNoteTest {

    /** The example of c2sp.org/signed-note, "Verifier keys". */
    private static final String SPEC_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";

    private static final String SPEC_NOTE = "This is an example message.\n\n— example.com/foo "
            + "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    @BeforeAll
    static void tink() throws Exception {
        SignatureConfig.register();
    }

    @Test
    void theSpecificationsExampleNoteVerifiesWithItsVerifierKey() {
        SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(SPEC_VKEY);
        SignedNote note = SignedNote.parse(SPEC_NOTE);

        assertThat(key.toString()).isEqualTo(SPEC_VKEY);
        assertThat(note.text()).isEqualTo("This is an example message.\n");
        assertThat(key.verifies(note)).isTrue();
        assertThat(note.serialize()).isEqualTo(SPEC_NOTE);
    }

    @Test
    void aChangedTextOrAKeyIdThatDoesNotMatchIsRefused() {
        SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(SPEC_VKEY);
        assertThat(key.verifies(SignedNote.parse(SPEC_NOTE.replace("example message", "exemplary message"))))
                .isFalse();
        assertThatThrownBy(() -> SignedNote.VerifierKey.parse(SPEC_VKEY.replace("530d903a", "530d903b")))
                .hasMessageContaining("key ID");
    }

    @Test
    void aCheckpointIsOriginSizeAndRootAndItsSignatureNamesTheOriginsKey() throws Exception {
        CheckpointSigner signer = new CheckpointSigner(
                "lintas.example/audit",
                KeysetHandle.generateNew(Ed25519Parameters.create(Ed25519Parameters.Variant.NO_PREFIX)));
        byte[] root = Merkle.leafHash(new byte[0]);
        SignedNote note = signer.sign(new Checkpoint("lintas.example/audit", 42, root));

        assertThat(note.text())
                .isEqualTo("lintas.example/audit\n42\n" + Base64.getEncoder().encodeToString(root) + "\n");
        assertThat(note.serialize()).startsWith(note.text() + "\n— lintas.example/audit ");
        SignedNote.VerifierKey published =
                SignedNote.VerifierKey.parse(signer.verifierKey().toString());
        assertThat(published.toString()).matches("lintas\\.example/audit\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}");
        assertThat(published.verifies(SignedNote.parse(note.serialize()))).isTrue();
        Checkpoint parsed = Checkpoint.parse(note.text());
        assertThat(parsed.size()).isEqualTo(42);
        assertThat(parsed.root()).isEqualTo(root);
        assertThatThrownBy(() -> Checkpoint.parse(
                        "lintas.example/audit\n042\n" + Base64.getEncoder().encodeToString(root) + "\n"))
                .hasMessageContaining("leading zeroes");
    }

    @Test
    void aCosignatureSignsTheHeaderTheTimeAndTheCheckpointText() throws Exception {
        Ed25519Sign.KeyPair pair = Ed25519Sign.KeyPair.newKeyPair();
        SignedNote.VerifierKey witness =
                SignedNote.VerifierKey.of("kukar.example/witness", SignedNote.COSIGNATURE_V1, pair.getPublicKey());
        String text = "lintas.example/audit\n3\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n";
        long time = 1_764_000_000L;
        byte[] signature = new Ed25519Sign(pair.getPrivateKey())
                .sign(("cosignature/v1\ntime " + time + "\n" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SignedNote.Signature line = new SignedNote.Signature(
                witness.name(),
                witness.keyId(),
                ByteBuffer.allocate(72).putLong(time).put(signature).array());

        assertThat(Checkpoint.cosignedBy(witness, text, SignedNote.signatureLine(line.line())))
                .isTrue();
        assertThat(Checkpoint.cosignatureTime(line)).isEqualTo(time);
        assertThat(Checkpoint.cosignedBy(witness, text.replace("\n3\n", "\n4\n"), line))
                .isFalse();
        assertThat(witness.toString())
                .startsWith("kukar.example/witness+")
                .matches("kukar\\.example/witness\\+[0-9a-f]{8}\\+B.{43}")
                .doesNotContain(" ");
    }
}
