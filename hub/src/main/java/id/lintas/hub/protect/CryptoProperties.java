package id.lintas.hub.protect;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param fieldKeyset the Tink keyset (JSON) of AES-256-GCM keys for identifying fields; when null one is
 *     generated under the data directory at first start. Several keys: the primary encrypts, all decrypt
 * @param lookupKeyset the Tink keyset (JSON) of the HMAC-SHA256 key for keyed hashes of NIK; generated
 *     likewise when null
 * @param reloadInterval how often the keyset files are checked for a new version (rotation without restart)
 * @param reencryptInterval how often the re-encryption job moves values to the primary key
 * @param reencryptBatch rows re-encrypted per transaction
 */
@ConfigurationProperties("lintas.crypto")
public record CryptoProperties(
        Path fieldKeyset, Path lookupKeyset, Duration reloadInterval, Duration reencryptInterval, int reencryptBatch) {

    public CryptoProperties {
        reloadInterval = reloadInterval == null ? Duration.ofMinutes(1) : reloadInterval;
        reencryptInterval = reencryptInterval == null ? Duration.ofMinutes(5) : reencryptInterval;
        reencryptBatch = reencryptBatch <= 0 ? 200 : reencryptBatch;
    }
}
