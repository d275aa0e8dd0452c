package id.lintas.hub.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param origin the log's identity: the checkpoints' origin line and the name of its signing key, a
 *     schema-less URL without spaces or {@code +} (C2SP tlog-checkpoint)
 * @param sealInterval how often the sequencer moves committed entries into the log and, when the log
 *     grew, signs a new checkpoint
 * @param sealBatch at most this many entries are sequenced per transaction
 * @param signingKeyset the Tink keyset (JSON) of the Ed25519 checkpoint signing key; generated under the
 *     data directory at first start when null
 * @param commitmentKeyset the Tink keyset (JSON) of the HMAC-SHA256 key of payload commitments; generated
 *     likewise when null
 * @param verifyPage entries (and checkpoints) the online verification reads per query: it holds one page at a
 *     time, never the whole log
 */
@ConfigurationProperties("lintas.audit")
public record AuditProperties(
        String origin,
        Duration sealInterval,
        int sealBatch,
        Path signingKeyset,
        Path commitmentKeyset,
        int verifyPage) {

    public AuditProperties {
        origin = origin == null || origin.isBlank() ? "lintas.example/audit" : origin;
        if (origin.chars().anyMatch(c -> Character.isWhitespace(c) || c == '+' || c < 0x20)) {
            throw new IllegalArgumentException(
                    "lintas.audit.origin: no spaces, control characters or '+' (C2SP signed-note key name)");
        }
        sealInterval = sealInterval == null ? Duration.ofSeconds(2) : sealInterval;
        sealBatch = sealBatch <= 0 ? 1000 : sealBatch;
        verifyPage = verifyPage <= 0 ? 1000 : verifyPage;
    }

    /**
     * The keyset file: the configured one, which must exist (several hubs share it), or the default under
     * the data directory, created at first start.
     */
    static Path keyset(Path configured, String property, Path dataDir, String fileName) {
        if (configured == null) {
            return dataDir.resolve("security").resolve(fileName);
        }
        if (!Files.exists(configured)) {
            throw new IllegalStateException("lintas.audit." + property + ": " + configured + " does not exist");
        }
        return configured;
    }
}
