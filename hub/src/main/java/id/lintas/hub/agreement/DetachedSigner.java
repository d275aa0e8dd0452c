package id.lintas.hub.agreement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import id.lintas.hub.security.JoseSigning;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a party's signer does, for the demo and for signers without their own JOSE tooling: a
 * detached JWS (ES256 or PS256) over the canonical form, with the signer's private JWK, which
 * never leaves the signer's machine.
 *
 * <p>Command line: {@code java -cp hub/target/lintas-hub.jar -Dloader.main=id.lintas.hub.agreement.DetachedSigner
 * org.springframework.boot.loader.launch.PropertiesLauncher canonical.json signer.jwk.json}
 * prints the JWS to send to {@code POST /api/v1/agreements/{id}/versions/{v}/signatures}.
 */
public final class DetachedSigner {

    private DetachedSigner() {}

    public static String sign(String canonical, JWK privateKey) {
        try {
            JoseSigning signing = JoseSigning.of(privateKey);
            JWSObject jws = new JWSObject(
                    new JWSHeader.Builder(signing.algorithm())
                            .keyID(privateKey.getKeyID())
                            .build(),
                    new Payload(canonical.getBytes(StandardCharsets.UTF_8)));
            jws.sign(signing.signer());
            return jws.serialize(true);
        } catch (JOSEException e) {
            throw new IllegalArgumentException(
                    "cannot sign with key " + privateKey.getKeyID() + ": " + e.getMessage(), e);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DetachedSigner <canonical.json> <signer-private.jwk.json>");
            System.exit(2);
        }
        // The canonical form is signed exactly as the hub served it: no re-encoding, no trailing newline added.
        String canonical = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        System.out.println(sign(canonical, JWK.parse(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8))));
    }
}
