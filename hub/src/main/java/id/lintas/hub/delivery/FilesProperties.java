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
 * @param caseWorkers how many cases of one file go through intake side by side (the rows of one case keep
 *     their order); each still takes an intake turn
 */
@ConfigurationProperties("lintas.files")
public record FilesProperties(Path root, Duration pollInterval, DataSize maxFileSize, Integer caseWorkers) {
    public FilesProperties {
        root = root == null ? Path.of(".lintas-data", "files") : root;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
        caseWorkers = caseWorkers == null ? 4 : caseWorkers;
        if (caseWorkers < 1) {
            throw new IllegalArgumentException("lintas.files.case-workers must be at least 1, was " + caseWorkers);
        }
    }
}
