package id.lintas.hub.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * What a region's system does to obtain a token, for the demo and for systems without their own JOSE
 * tooling: a {@code private_key_jwt} client assertion (RFC 7523) signed with the participant's private
 * client key, valid for one minute and usable once.
 *
 * <p>Command line: {@code java -cp hub/target/lintas-hub.jar -Dloader.main=id.lintas.hub.security.ClientAssertion
 * org.springframework.boot.loader.launch.PropertiesLauncher <participant> <client-private.jwk.json> <token-endpoint-url>}
 * prints the assertion to post as {@code client_assertion} to the token endpoint.
 */
public final class ClientAssertion {

    private ClientAssertion() {}

    public static String create(String participant, JWK privateKey, String tokenEndpoint, Duration validFor) {
        try {
            JoseSigning signing = JoseSigning.of(privateKey);
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(participant)
                    .subject(participant)
                    .audience(tokenEndpoint)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(validFor)))
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(signing.algorithm())
                            .keyID(privateKey.getKeyID())
                            .build(),
                    claims);
            jwt.sign(signing.signer());
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalArgumentException(
                    "cannot sign with key " + privateKey.getKeyID() + ": " + e.getMessage(), e);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ClientAssertion <participant> <client-private.jwk.json> <token-endpoint-url>");
            System.exit(2);
        }
        JWK key = JWK.parse(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
        System.out.println(create(args[0], key, args[2], Duration.ofMinutes(1)));
    }
}
