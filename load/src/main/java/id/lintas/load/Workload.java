package id.lintas.load;

import id.lintas.harness.Cases;
import id.lintas.harness.EntryPoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Distinct synthetic cases for each entry point, from the regions' published samples (through the
 * crash harness's {@link Cases}): each has its own case number and its own victim NIK (the sample's
 * region, district and birth-date digits, a serial of its own; serials repeat after 9,999 cases of
 * one entry point). A PPU export is a file of {@code ppuRows} one-victim cases (the sample's first row).
 */
final class Workload {

    private static final Pattern NIK = Pattern.compile("\\b(\\d{12})\\d{4}\\b");

    private final Cases cases;
    private final String tag;
    private final int ppuRows;
    private final String ppuHeader;
    private final String ppuRow;
    private final Map<EntryPoint, AtomicInteger> counters = new EnumMap<>(EntryPoint.class);

    /** One sending: its case numbers, and the body (or the file's name and content). */
    record Unit(EntryPoint entry, List<String> caseNumbers, byte[] body, String fileName) {}

    Workload(Path sharedDir, String tag, int ppuRows) throws IOException {
        this.cases = new Cases(sharedDir, tag);
        this.tag = tag;
        this.ppuRows = ppuRows;
        String[] lines = cases.sample("ppu-csv", "RUJUKAN_20250722_1600.csv").split("\n", -1);
        this.ppuHeader = lines[0];
        this.ppuRow = lines[1];
        for (EntryPoint entry : EntryPoint.values()) {
            counters.put(entry, new AtomicInteger());
        }
    }

    Unit next(EntryPoint entry) throws IOException {
        int n = counters.get(entry).incrementAndGet();
        if (entry == EntryPoint.PPU_FILE) {
            return ppuFile(n);
        }
        Cases.Unit unit = switch (entry) {
            case KUKAR_HTTP -> cases.kukar(n);
            case PRABUMULIH_XML -> cases.prabumulih(n);
            default -> cases.jakarta(n);
        };
        String body = withNik(new String(unit.body(), StandardCharsets.UTF_8), n);
        return new Unit(entry, unit.caseNumbers(), body.getBytes(StandardCharsets.UTF_8), null);
    }

    /** A PPU export of {@code ppuRows} cases, one row each, numbered {@code PPU/UPTD/2025/117-<tag>-<file>-<row>}. */
    private Unit ppuFile(int file) {
        String first = ppuRow.substring(0, ppuRow.indexOf(';', ppuRow.indexOf(';') + 1) + 1);
        String rest = ppuRow.substring(first.length());
        String caseBase = first.substring(first.indexOf(';') + 1, first.length() - 1);
        StringBuilder csv = new StringBuilder(ppuHeader).append('\n');
        List<String> caseNumbers = new ArrayList<>(ppuRows);
        for (int row = 1; row <= ppuRows; row++) {
            String caseNumber = caseBase + "-" + tag + "-" + file + "-" + row;
            caseNumbers.add(caseNumber);
            csv.append(row)
                    .append(';')
                    .append(caseNumber)
                    .append(';')
                    .append(withNik(rest, (file - 1) * ppuRows + row))
                    .append('\n');
        }
        String name = tag + "f" + file + "-RUJUKAN_20250722_1600.csv";
        return new Unit(EntryPoint.PPU_FILE, caseNumbers, csv.toString().getBytes(StandardCharsets.UTF_8), name);
    }

    /** The sample's NIK with a serial of this case's own (1..9999). */
    static String withNik(String text, int n) {
        Matcher m = NIK.matcher(text);
        return m.replaceAll(match -> match.group(1) + String.format("%04d", (n - 1) % 9999 + 1));
    }
}
