package id.lintas.hub.security;

import id.lintas.hub.audit.SignedNote;
import id.lintas.hub.audit.WitnessKeys;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;

/** The audit log's witnesses: WITNESS keys (Ed25519 JWKs) approved and not revoked, named by their kid. */
@Component
class WitnessKeyDirectory implements WitnessKeys {

    private final ParticipantKeys keys;

    WitnessKeyDirectory(ParticipantKeys keys) {
        this.keys = keys;
    }

    @Override
    public List<SignedNote.VerifierKey> approved(String participant) {
        return keys.keys(participant, KeyPurpose.WITNESS).stream()
                .filter(key -> key.approvedAt() != null && key.revokedAt() == null)
                .map(key -> SignedNote.VerifierKey.of(
                        key.kid(),
                        SignedNote.COSIGNATURE_V1,
                        Base64.getUrlDecoder().decode(key.jwk().path("x").asText())))
                .toList();
    }
}
