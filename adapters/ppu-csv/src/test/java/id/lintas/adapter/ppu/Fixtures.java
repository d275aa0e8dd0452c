package id.lintas.adapter.ppu;

import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.FileBatch;
import id.lintas.contracts.spi.FileRejectedException;
import id.lintas.contracts.spi.Participant;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** PPU's published samples and the participants the tests play. */
final class Fixtures {

    static final Participant PPU =
            new Participant("ppu", "UPTD PPA Kabupaten Penajam Paser Utara", "64.09", ZoneId.of("Asia/Makassar"));
    static final Participant KUKAR =
            new Participant("kukar", "DP3A Kabupaten Kutai Kartanegara", "64.02", ZoneId.of("Asia/Makassar"));
    static final Participant JAKARTA =
            new Participant("jakarta", "UPTD PPA Provinsi DKI Jakarta", "31", ZoneId.of("Asia/Jakarta"));

    static final String RUJUKAN = "RUJUKAN_20250722_1600.csv";
    static final String STATUS = "STATUS_20250723_0800.csv";
    static final String INVALID_ROWS = "invalid-RUJUKAN_20250724_0900.csv";
    static final String INVALID_HEADER = "invalid-RUJUKAN_20250725_1000.csv";

    private Fixtures() {}

    static byte[] sample(String name) {
        String shared = System.getProperty("lintas.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("system property lintas.shared.dir is not set (surefire sets it)");
        }
        try {
            return Files.readAllBytes(Path.of(shared, "domain", "regions", "ppu-csv", "samples", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FileBatch read(String name) throws FileRejectedException {
        return new PpuCsvAdapter().readFile(name, sample(name), PPU);
    }

    static List<CanonicalReferral> referrals(FileBatch batch) {
        return batch.items().stream()
                .filter(i -> i.message() instanceof CanonicalReferral)
                .map(i -> (CanonicalReferral) i.message())
                .toList();
    }

    static List<FieldError> errors(FileBatch batch) {
        return batch.items().stream().flatMap(i -> i.errors().stream()).toList();
    }

    /** A file in PPU's dialect from lines of cells: BOM, CRLF. */
    static byte[] file(String header, String... rows) {
        StringBuilder out = new StringBuilder(CsvText.BOM).append(header).append("\r\n");
        for (String row : rows) {
            out.append(row).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String rujukanHeader() {
        return String.join(";", Columns.RUJUKAN_LAYOUT);
    }

    /** The rows of a PPU CSV as column -> value maps, in column order; the BOM must be there. */
    static List<Map<String, String>> rows(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.startsWith(CsvText.BOM)) {
            throw new AssertionError("PPU files start with a UTF-8 byte-order mark");
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : format.parse(new StringReader(text.substring(1)))) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header line of a PPU CSV. */
    static List<String> header(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).substring(1);
        return List.of(text.substring(0, text.indexOf("\r\n")).split(";", -1));
    }
}
