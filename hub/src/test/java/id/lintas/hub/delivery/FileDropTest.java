package id.lintas.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.OutboundDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A delivery's file is published at most once, whatever point a crash interrupted it at. */
class FileDropTest {

    @TempDir
    Path root;

    private final UUID delivery = UUID.randomUUID();
    private final OutboundDocument document = new OutboundDocument(
            "RUJUKAN_MASUK_r1.csv", "text/csv", "No Registrasi\r\nKKR/TEST/1\r\n".getBytes(StandardCharsets.UTF_8));

    private FileDrop drop() {
        return new FileDrop(new FilesProperties(root, null, null, null));
    }

    private Path published() {
        return root.resolve("outbox").resolve("ppu").resolve("RUJUKAN_MASUK_r1.csv");
    }

    private Path temporary() {
        return root.resolve("outbox").resolve("ppu").resolve("RUJUKAN_MASUK_r1.csv.tmp");
    }

    private Path marker() {
        return root.resolve("published").resolve("ppu").resolve(delivery.toString());
    }

    @Test
    void aDocumentTakenByTheReceiverIsNotWrittenAgainForTheSameDelivery() throws Exception {
        FileDrop drop = drop();

        assertThat(drop.publishOnce("ppu", delivery, document)).isTrue();
        assertThat(published()).hasBinaryContent(document.content());
        Files.delete(published()); // PPU took it

        assertThat(drop.publishOnce("ppu", delivery, document)).isFalse();
        assertThat(published()).doesNotExist();
        assertThat(marker()).exists().isEmptyFile();
    }

    @Test
    void aCrashBetweenTheMarkerAndTheRenamePublishesOnTheNextAttempt() throws Exception {
        FileDrop drop = drop();
        drop.prepare("ppu");
        Files.write(temporary(), "half".getBytes(StandardCharsets.UTF_8));
        Files.createFile(marker());

        assertThat(drop.publishOnce("ppu", delivery, document)).isTrue();
        assertThat(published()).hasBinaryContent(document.content());
        assertThat(temporary()).doesNotExist();
    }

    @Test
    void aCrashBeforeTheMarkerWritesTheWholeFileAgain() throws Exception {
        FileDrop drop = drop();
        drop.prepare("ppu");
        Files.write(temporary(), "half".getBytes(StandardCharsets.UTF_8));

        assertThat(drop.publishOnce("ppu", delivery, document)).isTrue();
        assertThat(published()).hasBinaryContent(document.content());
    }

    @Test
    void aSettledDeliveryLeavesNoMarker() {
        FileDrop drop = drop();
        drop.publishOnce("ppu", delivery, document);

        drop.settled("ppu", delivery);

        assertThat(marker()).doesNotExist();
        assertThat(published()).exists();
    }

    @Test
    void aWiderFolderIsNarrowedAndAnOwnerOnlyOneIsLeftUntouched() throws Exception {
        Path dir = Files.createDirectory(root.resolve("outbox-wide"));
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        FileDrop.ownerOnlyDirectory(dir);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
        Object changed = Files.getAttribute(dir, "unix:ctime");
        Thread.sleep(50); // past the file system's timestamp granularity

        // Every delivery asks again: a chmod to the same mode would still write the inode (its ctime).
        FileDrop.ownerOnlyDirectory(dir);
        assertThat(Files.getAttribute(dir, "unix:ctime")).isEqualTo(changed);
    }
}
