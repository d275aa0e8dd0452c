package id.lintas.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub lines of alternated runs ({@link HubRun}) side by side: for each jar, stored size, entry
 * point and concurrency, the median of the rounds' delivered/s and CPU ms a referral with their least
 * and most, and B's median against A's. A difference inside both ranges is not a measured one.
 */
final class Comparison {

    private static final Pattern HUB = Pattern.compile("hub([AB])(\\+\\d+)?(?:#\\d+)?");

    private Comparison() {}

    static String format(List<Row> rows) {
        Map<String, Map<String, List<Row>>> lines = new LinkedHashMap<>();
        for (Row row : rows) {
            Matcher name = HUB.matcher(row.system());
            if (name.matches()) {
                String line = row.entry() + " c=" + row.concurrency()
                        + (name.group(2) == null
                                ? ""
                                : " stored " + name.group(2).substring(1));
                lines.computeIfAbsent(line, l -> new LinkedHashMap<>())
                        .computeIfAbsent(name.group(1), j -> new ArrayList<>())
                        .add(row);
            }
        }
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-32s %4s %22s %22s %22s %22s %8s%n",
                "line",
                "runs",
                "A dlv/s",
                "B dlv/s",
                "A cpu ms/ref",
                "B cpu ms/ref",
                "B/A dlv"));
        for (Map.Entry<String, Map<String, List<Row>>> line : lines.entrySet()) {
            List<Row> a = line.getValue().getOrDefault("A", List.of());
            List<Row> b = line.getValue().getOrDefault("B", List.of());
            double aMedian = median(a, Row::deliveredPerSecond);
            double bMedian = median(b, Row::deliveredPerSecond);
            out.append(String.format(
                    Locale.ROOT,
                    "%-32s %4s %22s %22s %22s %22s %8s%n",
                    line.getKey(),
                    a.size() + "/" + b.size(),
                    spread(a, Row::deliveredPerSecond),
                    spread(b, Row::deliveredPerSecond),
                    spread(a, Row::jvmCpuMillisPerReferral),
                    spread(b, Row::jvmCpuMillisPerReferral),
                    a.isEmpty() || b.isEmpty() || aMedian <= 0
                            ? "-"
                            : String.format(Locale.ROOT, "%.2f", bMedian / aMedian)));
        }
        return out.toString();
    }

    /** {@code median (least-most)}, or a dash without rounds. */
    static String spread(List<Row> rows, ToDoubleFunction<Row> figure) {
        if (rows.isEmpty()) {
            return "-";
        }
        double[] values = sorted(rows, figure);
        return Table.number(median(values)) + " (" + Table.number(values[0]) + "-"
                + Table.number(values[values.length - 1]) + ")";
    }

    static double median(List<Row> rows, ToDoubleFunction<Row> figure) {
        return rows.isEmpty() ? Double.NaN : median(sorted(rows, figure));
    }

    private static double[] sorted(List<Row> rows, ToDoubleFunction<Row> figure) {
        return rows.stream().mapToDouble(figure).sorted().toArray();
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
