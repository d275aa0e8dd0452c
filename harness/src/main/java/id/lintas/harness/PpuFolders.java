package id.lintas.harness;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * PPU's side of the shared folder, as PPU's own system works it: drops its exports into the hub's
 * inbox ({@code X.csv.tmp}, then a rename), and takes every complete file out of its outbox (each file
 * taken is imported once: a referral file taken twice is two imports). Receipts ({@code HASIL_})
 * tell which cases were accepted, referral files ({@code RUJUKAN_MASUK_}) are the effects.
 */
final class PpuFolders {

    private static final CSVFormat PPU = CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();

    private final Path inbox;
    private final Path outbox;
    private final Path taken;
    private final Ledger ledger;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong receipts = new AtomicLong();

    PpuFolders(Path filesRoot, Path taken, Ledger ledger) throws IOException {
        this.inbox = filesRoot.resolve("inbox").resolve("ppu");
        this.outbox = filesRoot.resolve("outbox").resolve("ppu");
        this.taken = taken;
        this.ledger = ledger;
        Files.createDirectories(inbox);
        Files.createDirectories(taken);
    }

    void drop(String fileName, byte[] content) throws IOException {
        Path temp = inbox.resolve(fileName + ".tmp");
        Files.write(temp, content);
        Files.move(temp, inbox.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }

    /** True while the hub has not yet taken the file (read and archived it). */
    boolean waiting(String fileName) {
        return Files.exists(inbox.resolve(fileName));
    }

    long receiptsTaken() {
        return receipts.get();
    }

    /** Takes every complete file out of the outbox and records what it says. */
    void takeOutbox() throws IOException {
        if (!Files.isDirectory(outbox)) {
            return;
        }
        List<Path> complete;
        try (Stream<Path> list = Files.list(outbox)) {
            complete = list.filter(p -> !p.getFileName().toString().endsWith(".tmp"))
                    .sorted()
                    .toList();
        }
        for (Path file : complete) {
            String name = file.getFileName().toString();
            long n = files.incrementAndGet();
            Path moved = taken.resolve(String.format("%06d-%s", n, name));
            try {
                Files.move(file, moved, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.NoSuchFileException gone) {
                continue;
            }
            List<Map<String, String>> rows = rows(Files.readString(moved, StandardCharsets.UTF_8));
            if (name.startsWith("HASIL_")) {
                receipts.incrementAndGet();
                receipt(rows);
            } else if (name.startsWith("RUJUKAN_MASUK_")) {
                Map<String, String> cases = new LinkedHashMap<>();
                rows.forEach(r -> cases.putIfAbsent(r.get("No Registrasi"), r.get("ID Rujukan Hub")));
                // One file taken is one import by PPU: the next time the same file is taken is another.
                cases.forEach((caseNumber, hubId) -> ledger.delivered(caseNumber, hubId, "file#" + n));
            }
        }
    }

    private void receipt(List<Map<String, String>> rows) {
        for (Map<String, String> row : rows) {
            String caseNumber = row.get("No Registrasi");
            if (!ledger.isCase(caseNumber)) {
                continue;
            }
            String pesan = row.getOrDefault("Pesan", "");
            if (!"DITERIMA".equals(row.get("Hasil"))) {
                ledger.refused(caseNumber, "row refused");
            } else if (pesan.contains("tidak diteruskan")) {
                ledger.refused(caseNumber, "recorded, not routed");
            } else {
                ledger.accepted(caseNumber, row.get("ID Rujukan Hub"));
            }
        }
    }

    static List<Map<String, String>> rows(String csv) throws IOException {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord record : PPU.parse(new StringReader(text))) {
            rows.add(record.toMap());
        }
        return rows;
    }
}
