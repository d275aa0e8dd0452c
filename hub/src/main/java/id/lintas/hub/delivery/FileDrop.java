package id.lintas.hub.delivery;

import id.lintas.contracts.spi.OutboundDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/**
 * Writes documents into a file-drop participant's outbox the way PPU writes its own: a temporary
 * name first, then an atomic rename, so a reader never sees half a file.
 */
@Component
public class FileDrop {

    private final Path root;

    public FileDrop(FilesProperties properties) {
        this.root = properties.root();
    }

    public Path outbox(String participantId) {
        return root.resolve("outbox").resolve(participantId);
    }

    public Path inbox(String participantId) {
        return root.resolve("inbox").resolve(participantId);
    }

    public Path write(String participantId, OutboundDocument document) {
        Path dir = outbox(participantId);
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(Path.of(document.target()).getFileName().toString());
            Path temp = dir.resolve(target.getFileName() + ".tmp");
            Files.write(temp, document.content());
            return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
