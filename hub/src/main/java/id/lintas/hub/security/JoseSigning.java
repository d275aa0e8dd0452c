package id.lintas.hub.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;

/**
 * How the hub's small command-line tools sign with a private JWK: ES256 for EC keys, PS256 for RSA.
 *
 * @param algorithm the JWS algorithm to name in the header
 * @param signer the signer for that key
 */
public record JoseSigning(JWSAlgorithm algorithm, JWSSigner signer) {

    public static JoseSigning of(JWK privateKey) throws JOSEException {
        if ("EC".equals(privateKey.getKeyType().getValue())) {
            return new JoseSigning(JWSAlgorithm.ES256, new ECDSASigner(privateKey.toECKey()));
        }
        return new JoseSigning(JWSAlgorithm.PS256, new RSASSASigner(privateKey.toRSAKey()));
    }
}
