package id.lintas.adapter.ppu;

import id.lintas.contracts.spi.FileRejectedException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * PPU's CSV dialect: UTF-8 with a byte-order mark, CRLF, {@code ;} separator, {@code "} quotes. Reading
 * is lenient where it costs nothing (a missing BOM, bare LF, blank lines), strict where a wrong guess
 * would corrupt data (bytes that are not UTF-8, a header that is not the layout).
 */
final class CsvText {

    static final String BOM = "\uFEFF";
    static final String CRLF = "\r\n";
    private static final char SEPARATOR = ';';

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setDelimiter(SEPARATOR)
            .setQuote('"')
            .setIgnoreEmptyLines(true)
            .get();

    /** What a spreadsheet takes for the start of a formula (full-width forms included). */
    private static final String FORMULA_START = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

    private CsvText() {}

    /** A parsed file: its data rows, each with its row number (1 = first row after the header). */
    record Table(List<Row> rows) {}

    /** One data row; {@link #cell} is empty, never null, for a missing or blank cell. */
    record Row(int number, List<String> cells) {
        String cell(int index) {
            return index < cells.size() ? cells.get(index).strip() : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /**
     * Decodes and parses a file whose first line must be exactly {@code layout}.
     *
     * @param layoutName the layout's name for the rejection message ({@code RUJUKAN})
     */
    static Table read(byte[] content, List<String> layout, String layoutName) throws FileRejectedException {
        String text = decode(content);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports an unterminated quote this way; the message holds no cell content.
            throw new FileRejectedException("file is not a readable CSV (" + e.getMessage() + ")");
        }
        if (records.isEmpty()) {
            throw new FileRejectedException("file is empty: expected the " + layoutName + " header");
        }
        checkHeader(records.get(0), layout, layoutName);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            Row row = new Row(i, records.get(i).toList());
            if (!row.isBlank()) {
                rows.add(row);
            }
        }
        return new Table(rows);
    }

    private static String decode(byte[] content) throws FileRejectedException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FileRejectedException("file is not UTF-8 text (PPU files are UTF-8 with a byte-order mark)");
        }
        return text.startsWith(BOM) ? text.substring(1) : text;
    }

    /**
     * A rejection names the column and what was expected, never what was found: the receipt, the log and
     * the record of the message would otherwise show a file's first line to whoever dropped it.
     */
    private static void checkHeader(CSVRecord header, List<String> layout, String layoutName)
            throws FileRejectedException {
        List<String> found = header.toList();
        for (int i = 0; i < Math.max(layout.size(), found.size()); i++) {
            String expected = i < layout.size() ? layout.get(i) : null;
            String actual = i < found.size() ? found.get(i).strip() : null;
            if (expected == null && actual.isEmpty()) {
                continue;
            }
            if (expected == null) {
                throw new FileRejectedException("header does not match " + layoutName + " layout: unexpected column "
                        + (i + 1) + " after the last column '" + layout.get(layout.size() - 1) + "'");
            }
            if (actual == null) {
                throw new FileRejectedException("header does not match " + layoutName + " layout: expected column "
                        + (i + 1) + " '" + expected + "', found no more columns");
            }
            if (!expected.equals(actual)) {
                throw new FileRejectedException("header does not match " + layoutName + " layout: expected column "
                        + (i + 1) + " '" + expected + "', found another name");
            }
        }
    }

    /** Writes a file the way PPU's application reads it: BOM, CRLF, {@code ;}, quotes only where needed. */
    static byte[] write(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, header);
        rows.forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(quote(cells.get(i)));
        }
        out.append(CRLF);
    }

    /**
     * Quotes a value that holds the separator, a quote or a line break (FORMAT.md, Encoding). PPU's staff
     * open these files in a spreadsheet, so a value a spreadsheet would run as a formula is written as
     * text instead (see {@link #neutralise}).
     */
    static String quote(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = neutralise(value);
        if (text != value) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        if (value.indexOf(SEPARATOR) < 0
                && value.indexOf('"') < 0
                && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /**
     * OWASP's CSV-injection defence: a cell that begins with {@code = + - @}, a tab or a carriage return
     * (also after leading blanks, which spreadsheets skip) gets a leading apostrophe, so a spreadsheet
     * shows it as text and never evaluates it. Only the file is changed; the canonical model keeps the
     * value as received.
     *
     * @return {@code value} itself when it needs nothing, else a new string
     */
    static String neutralise(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first == '\t' || first == '\r') {
            return "'" + value;
        }
        String lead = value.stripLeading();
        if (!lead.isEmpty() && FORMULA_START.indexOf(lead.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** An empty row of {@code size} cells, to be filled by column. */
    static List<String> emptyRow(int size) {
        return new ArrayList<>(Collections.nCopies(size, ""));
    }
}
