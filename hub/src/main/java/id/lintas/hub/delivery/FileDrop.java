package id.lintas.hub.delivery;

import id.lintas.contracts.spi.OutboundDocument;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
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

    /** The rename survives a power loss only once the directory is flushed too (where the platform can). */
    private static void syncDirectory(Path dir) {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a directory: NTFS journals the rename itself.
        }
    }

    /**
     * The file name is stable for one document (RUJUKAN_MASUK_&lt;hub id&gt;.csv), so a redelivery
     * replaces the same file and is the receiver's key to deduplicate on.
     */
    public Path write(String participantId, OutboundDocument document) {
        Path dir = outbox(participantId);
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(Path.of(document.target()).getFileName().toString());
            Path temp = dir.resolve(target.getFileName() + ".tmp");
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(ByteBuffer.wrap(document.content()));
                out.force(true); // on disk before the delivery is recorded as done
            }
            Path moved = Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
            return moved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
