package id.lintas.hub.delivery;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param root the file-drop root: {@code inbox/<participant>/} is read, {@code outbox/<participant>/}
 *     written, {@code archive/}, {@code error/} and {@code published/} (its empty per-delivery markers)
 *     kept by the hub
 * @param pollInterval how often inboxes are scanned
 * @param maxFileSize the largest dropped file the hub reads; a larger one is refused unread
 */
@ConfigurationProperties("lintas.files")
public record FilesProperties(Path root, Duration pollInterval, DataSize maxFileSize) {
    public FilesProperties {
        root = root == null ? Path.of(".lintas-data", "files") : root;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
    }
}
