package id.lintas.hub.delivery;

import id.lintas.contracts.spi.OutboundDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Writes documents into a file-drop participant's outbox the way PPU writes its own: a temporary
 * name first, then an atomic rename, so a reader never sees half a file. The folders and files the hub
 * makes hold victims' data, so they are its own only (directories 0700, files 0600 where POSIX).
 */
@Component
public class FileDrop {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

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

    public Path archive(String participantId) {
        return root.resolve("archive").resolve(participantId);
    }

    /** Creates a file-drop participant's folders (or narrows existing ones) to the hub's own use. */
    public void prepare(String participantId) {
        for (Path dir : new Path[] {
            root,
            root.resolve("inbox"),
            root.resolve("outbox"),
            root.resolve("archive"),
            root.resolve("error"),
            inbox(participantId),
            outbox(participantId),
            archive(participantId),
            root.resolve("error").resolve(participantId)
        }) {
            ownerOnlyDirectory(dir);
        }
    }

    /**
     * The file name is stable for one document (RUJUKAN_MASUK_&lt;hub id&gt;.csv), so a redelivery
     * replaces the same file and is the receiver's key to deduplicate on.
     */
    public Path write(String participantId, OutboundDocument document) {
        Path dir = outbox(participantId);
        try {
            ownerOnlyDirectory(dir);
            Path target = dir.resolve(Path.of(document.target()).getFileName().toString());
            Path temp = dir.resolve(target.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            if (POSIX) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            }
            try (FileChannel out = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
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

    /** Makes a file the hub keeps (a dropped file before it is archived) readable by the hub only. */
    public static void ownerOnlyFile(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }

    /** Creates a directory and its missing parents as the hub's own, and narrows it if it exists. */
    public static void ownerOnlyDirectory(Path dir) {
        try {
            if (!POSIX) {
                Files.createDirectories(dir);
                return;
            }
            if (!Files.isDirectory(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    ownerOnlyDirectory(parent);
                }
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            }
            Files.setPosixFilePermissions(dir, OWNER_DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
