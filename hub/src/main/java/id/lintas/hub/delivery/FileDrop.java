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
import java.util.UUID;
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

    /** The hub's own record of the deliveries it has published into a participant's outbox. */
    Path published(String participantId) {
        return root.resolve("published").resolve(participantId);
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
            root.resolve("published"),
            inbox(participantId),
            outbox(participantId),
            archive(participantId),
            published(participantId),
            root.resolve("error").resolve(participantId)
        }) {
            ownerOnlyDirectory(dir);
        }
    }

    /**
     * Writes a document the hub answers with (a file's receipt or rejection), replacing one of the same
     * name: written again after a crash, it says the same about the same file.
     */
    public Path write(String participantId, OutboundDocument document) {
        Path dir = outbox(participantId);
        try {
            ownerOnlyDirectory(dir);
            Path target = dir.resolve(Path.of(document.target()).getFileName().toString());
            Path temp = dir.resolve(target.getFileName() + ".tmp");
            writeFlushed(temp, document.content());
            Path moved = Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
            return moved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one delivery's document into the participant's outbox, at most once. A receiver that takes
     * files cannot tell a rewritten file from a new one (PPU imports every file it takes), so a redelivery
     * after a crash, or after the outcome failed to be recorded, must not write the file again once it
     * was published. The hub keeps an empty marker named by the delivery id: it is made after the
     * temporary file is on disk and before the rename, so a marker without its temporary file means the
     * rename was done, and a marker beside it means the crash came before the rename. The file name is
     * stable for one document (RUJUKAN_MASUK_&lt;hub id&gt;.csv) and the marker holds no data.
     *
     * @return false when this delivery's document had been published before, and nothing was written
     */
    public boolean publishOnce(String participantId, UUID deliveryId, OutboundDocument document) {
        Path dir = outbox(participantId);
        Path markers = published(participantId);
        try {
            ownerOnlyDirectory(dir);
            ownerOnlyDirectory(markers);
            Path target = dir.resolve(Path.of(document.target()).getFileName().toString());
            Path temp = dir.resolve(target.getFileName() + ".tmp");
            Path marker = markers.resolve(deliveryId.toString());
            if (Files.exists(marker) && !Files.exists(temp)) {
                return false;
            }
            writeFlushed(temp, document.content());
            if (!Files.exists(marker)) {
                Files.createFile(marker);
                syncDirectory(markers);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Forgets a delivery's marker once its outcome is recorded: from then on the record, not the marker,
     * keeps a redelivered message from being sent. A marker left by a crash in between is harmless.
     */
    public void settled(String participantId, UUID deliveryId) {
        try {
            Files.deleteIfExists(published(participantId).resolve(deliveryId.toString()));
        } catch (IOException e) {
            // Stays behind empty; a later redelivery finds the delivery ended in the record first.
        }
    }

    private static void writeFlushed(Path temp, byte[] content) throws IOException {
        Files.deleteIfExists(temp);
        if (POSIX) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        }
        try (FileChannel out = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(content));
            out.force(true); // on disk before it is published and the delivery recorded as done
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
            // Narrowed only when wider: a chmod, even to the same mode, is an inode write that the
            // directory's next fsync must commit, and every delivery to a file-drop receiver asks.
            if (!Files.getPosixFilePermissions(dir).equals(OWNER_DIRECTORY)) {
                Files.setPosixFilePermissions(dir, OWNER_DIRECTORY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
