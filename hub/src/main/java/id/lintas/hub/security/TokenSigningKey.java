package id.lintas.hub.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private key the hub signs access tokens with: read from the configured file, or generated once
 * into the data directory (readable by the hub's user only) so tokens survive a restart.
 */
final class TokenSigningKey {

    private static final Logger log = LoggerFactory.getLogger(TokenSigningKey.class);

    private TokenSigningKey() {}

    static JWK load(Path configured, Path dataDir) {
        Path file =
                configured != null ? configured : dataDir.resolve("security").resolve("token-signing.jwk.json");
        try {
            if (Files.exists(file)) {
                JWK key = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!key.isPrivate()) {
                    throw new IllegalStateException("the token signing key " + file + " has no private part");
                }
                return key;
            }
            if (configured != null) {
                throw new IllegalStateException("lintas.security.token-signing-key: " + file + " does not exist");
            }
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID("hub-" + UUID.randomUUID())
                    .generate();
            Files.createDirectories(file.getParent());
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Could not restrict the permissions of {}", file);
            }
            log.info("Generated the hub's token signing key {} in {}", key.getKeyID(), file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the token signing key " + file + " is not a usable JWK", e);
        }
    }
}
