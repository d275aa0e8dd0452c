package id.lintas.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reading the regions' documents in tests: PPU's CSV (BOM, ';', CRLF) and Kukar's JSON. */
final class Samples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {}

    /** The rows of a PPU CSV as column -> value maps; the BOM is checked and dropped. */
    static List<Map<String, String>> csvRows(String content) {
        if (!content.startsWith("\uFEFF")) {
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
            for (CSVRecord record : format.parse(new StringReader(content.substring(1)))) {
                rows.add(record.toMap());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String content) {
        try {
            return JSON.readTree(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PPU sample with its case numbers made unique, so tests sharing one hub do not collide. */
    static String withCaseSuffix(String csv, String suffix) {
        return csv.replaceAll("(PPU/UPTD/2025/\\d+)", "$1" + suffix);
    }
}
