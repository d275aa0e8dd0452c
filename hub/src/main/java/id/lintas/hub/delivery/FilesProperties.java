package id.lintas.hub.delivery;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param root the file-drop root: {@code inbox/<participant>/} is read, {@code outbox/<participant>/}
 *     written, {@code archive/} and {@code error/} kept by the hub
 * @param pollInterval how often inboxes are scanned
 */
@ConfigurationProperties("lintas.files")
public record FilesProperties(Path root, Duration pollInterval) {
    public FilesProperties {
        root = root == null ? Path.of(".lintas-data", "files") : root;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
    }
}
