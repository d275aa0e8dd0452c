package id.lintas.hub.agreement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.util.Set;

/**
 * Checks a party's detached JWS (RFC 7515 appendix F: {@code header..signature}) over the canonical
 * form of an agreement version, with the public key the party registered. Nimbus JOSE does the
 * cryptography; this class only decides what is acceptable.
 */
final class SignatureVerifier {

    /** Asymmetric algorithms only: a shared secret could be used by the hub itself to sign for a party. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512);

    /** The header of a compact JWS, for its kid, before the key is looked up. */
    static JWSHeader header(String jws) {
        String[] parts = jws == null ? new String[0] : jws.trim().split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            throw new SignatureException("jws", "must be a compact JWS with a detached payload (header..signature)");
        }
        try {
            JWSHeader header = JWSHeader.parse(new com.nimbusds.jose.util.Base64URL(parts[0]));
            if (!ALGORITHMS.contains(header.getAlgorithm())) {
                throw new SignatureException(
                        "jws", "algorithm " + header.getAlgorithm() + " is not accepted; use ES256, PS256 or RS256");
            }
            if (header.getKeyID() == null) {
                throw new SignatureException("jws", "the JWS header must name the signer's key (kid)");
            }
            return header;
        } catch (ParseException e) {
            throw new SignatureException("jws", "the JWS header is not valid: " + e.getMessage());
        }
    }

    /** Throws when the signature does not verify for exactly these bytes with this key. */
    static void verify(String jws, byte[] canonical, JWK key) {
        try {
            JWSObject object = JWSObject.parse(jws.trim(), new Payload(canonical));
            if (key.isPrivate()) {
                throw new SignatureException("jwk", "a registered key must be public");
            }
            JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(object.getHeader(), toKey(key));
            if (!object.verify(verifier)) {
                throw new SignatureException(
                        "jws",
                        "the signature does not verify with key " + key.getKeyID()
                                + " over this version's canonical form (wrong key, or the document changed after signing)");
            }
        } catch (ParseException e) {
            throw new SignatureException("jws", "not a valid JWS: " + e.getMessage());
        } catch (JOSEException e) {
            throw new SignatureException("jws", "cannot verify with key " + key.getKeyID() + ": " + e.getMessage());
        }
    }

    private static java.security.Key toKey(JWK key) throws JOSEException {
        return switch (key.getKeyType().getValue()) {
            case "EC" -> key.toECKey().toPublicKey();
            case "RSA" -> key.toRSAKey().toPublicKey();
            default ->
                throw new SignatureException("jwk", "key type " + key.getKeyType() + " is not accepted; use EC or RSA");
        };
    }

    /** A signature or key the hub does not accept; names the field and the reason. */
    static final class SignatureException extends RuntimeException {
        private final String field;

        SignatureException(String field, String reason) {
            super(reason);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
