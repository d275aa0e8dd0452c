package id.lintas.load;

import java.util.List;
import java.util.Locale;

/** The table the run prints: one line per system, entry point and concurrency, fixed-width columns. */
final class Table {

    private static final String[] HEADER = {
        "system",
        "entry point",
        "c",
        "acc/s",
        "dlv/s",
        "answer ms p50/p95/p99",
        "lag ms p50/p95/p99",
        "n",
        "undlv",
        "err",
        "cpu ms/ref",
        "db ms/ref",
        "gc %",
        "jit %",
        "heap MB used>live/max"
    };

    private Table() {}

    static String format(List<Row> rows) {
        String[][] cells = new String[rows.size() + 1][];
        cells[0] = HEADER;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            cells[i + 1] = new String[] {
                r.system(),
                r.entry(),
                Integer.toString(r.concurrency()),
                number(r.acceptedPerSecond()),
                number(r.deliveredPerSecond()),
                millis(r.answerNanos()),
                millis(r.lagNanos()),
                Integer.toString(r.measured()),
                Integer.toString(r.undelivered()),
                Long.toString(r.errors()),
                number(r.jvmCpuMillisPerReferral()),
                number(r.dbCpuMillisPerReferral()),
                number(r.gcPercent()),
                number(r.jitPercent()),
                r.heapUsedMb() + ">" + r.heapLiveMb() + "/" + r.heapMaxMb()
            };
        }
        return grid(cells, 2);
    }

    /**
     * The header and the lines in fixed-width columns, two spaces apart: the first {@code left} columns
     * left-aligned, the others right-aligned.
     */
    static String grid(String[] header, List<String[]> lines, int left) {
        String[][] cells = new String[lines.size() + 1][];
        cells[0] = header;
        for (int i = 0; i < lines.size(); i++) {
            cells[i + 1] = lines.get(i);
        }
        return grid(cells, left);
    }

    private static String grid(String[][] cells, int left) {
        int[] widths = new int[cells[0].length];
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                String cell = line[c];
                String pad = " ".repeat(widths[c] - cell.length());
                text.append(c == 0 ? "" : "  ").append(c < left ? cell + pad : pad + cell);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** One decimal below 100, none above; "-" for a figure that could not be taken (negative). */
    static String number(double value) {
        if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, value < 100 ? "%.1f" : "%.0f", value);
    }

    /**
     * Three percentiles in nanoseconds as milliseconds, {@code p50/p95/p99}, signed (a delivery can reach
     * the receiver before the 202 reaches the sender); "-" for none.
     */
    static String millis(long[] nanos) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nanos.length; i++) {
            out.append(i == 0 ? "" : "/")
                    .append(
                            nanos[i] == Percentiles.NONE
                                    ? "-"
                                    : nanos[i] < 0 ? "-" + number(-nanos[i] / 1e6) : number(nanos[i] / 1e6));
        }
        return out.toString();
    }
}
