package id.lintas.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a process costs, read from outside it: CPU time from {@code /proc/<pid>/stat} (user + system,
 * plus its waited-for children's, so backends that ended still count), GC time from {@code jstat},
 * heap from {@code jcmd} (before and after a full GC).
 */
final class Meter {

    /** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern MAX_HEAP = Pattern.compile("MaxHeapSize=(\\d+)");

    private Meter() {}

    /** CPU time in milliseconds of the processes (each with its ended children), -1 for one that is gone. */
    static double cpuMillis(List<ProcessHandle> processes) {
        double total = 0;
        for (ProcessHandle process : processes) {
            try {
                total += ticks(Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat")))
                        * 1000.0
                        / TICKS_PER_SECOND;
            } catch (IOException gone) {
                // A backend that ended between the listing and the read: its time is in its parent's children's.
            }
        }
        return total;
    }

    /** utime + stime + cutime + cstime of one {@code /proc/<pid>/stat} line. */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
        return Long.parseLong(fields[11])
                + Long.parseLong(fields[12])
                + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
    }

    /** Seconds the JVM spent in GC so far (jstat's GCT), or -1. */
    static double gcSeconds(long pid) {
        return gcutil(pid, "GCT");
    }

    /**
     * CPU seconds the JVM's JIT compiler threads have used so far ({@code /proc/<pid>/task/*}, threads
     * named {@code C1 CompilerThread…} and {@code C2 CompilerThread…}), or -1 when none could be read. A
     * compiler thread the JVM ended (on a machine with more cores it starts and stops some as its queue
     * grows) takes its time with it: then this counts low. Not jstat's compile time, which adds up the
     * tasks' wall time and on a loaded machine counts their waits for a core as well.
     */
    static double compilerCpuSeconds(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        long ticks = 0;
        boolean any = false;
        try (var threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    if (compilerThread(Files.readString(thread.resolve("comm")).strip())) {
                        ticks += ticks(Files.readString(thread.resolve("stat")));
                        any = true;
                    }
                } catch (IOException ended) {
                    // A thread that ended between the listing and the read.
                }
            }
        } catch (IOException | UncheckedIOException gone) {
            return -1;
        }
        return any ? ticks / TICKS_PER_SECOND : -1;
    }

    /** A HotSpot JIT compiler thread's name as /proc gives it (cut to 15 characters). */
    static boolean compilerThread(String comm) {
        return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre");
    }

    /**
     * Collections so far, from jstat: young (YGC), full (FGC) and concurrent cycles (CGC, G1's marking
     * started when the old generation fills), -1 for one jstat did not give. Full collections of a G1
     * heap happen only when it ran out of room: under a heap cap they are the sign of thrashing.
     */
    static long[] gcCounts(long pid) {
        List<String> lines = run(List.of(tool("jstat"), "-gcutil", Long.toString(pid)));
        return new long[] {(long) column(lines, "YGC"), (long) column(lines, "FGC"), (long) column(lines, "CGC")};
    }

    private static double gcutil(long pid, String name) {
        return column(run(List.of(tool("jstat"), "-gcutil", Long.toString(pid))), name);
    }

    /** One column of {@code jstat -gcutil}'s output (a header line, a value line), or -1. */
    static double column(List<String> lines, String name) {
        if (lines.size() < 2) {
            return -1;
        }
        String[] header = lines.get(0).trim().split("\\s+");
        String[] values = lines.get(1).trim().split("\\s+");
        for (int i = 0; i < header.length && i < values.length; i++) {
            if (name.equals(header[i])) {
                return parse(values[i]);
            }
        }
        return -1;
    }

    /** Heap in MB: used now, used after a full GC, and the maximum; -1 where jcmd gave nothing. */
    static long[] heapMb(long pid) {
        long used = heapUsedKb(pid);
        run(List.of(tool("jcmd"), Long.toString(pid), "GC.run"));
        long live = heapUsedKb(pid);
        long max = -1;
        for (String line : run(List.of(tool("jcmd"), Long.toString(pid), "VM.flags"))) {
            Matcher m = MAX_HEAP.matcher(line);
            if (m.find()) {
                max = Long.parseLong(m.group(1)) / (1024 * 1024);
            }
        }
        return new long[] {used < 0 ? -1 : used / 1024, live < 0 ? -1 : live / 1024, max};
    }

    static long heapUsedKb(long pid) {
        for (String line : run(List.of(tool("jcmd"), Long.toString(pid), "GC.heap_info"))) {
            Matcher m = HEAP.matcher(line);
            if (m.find()) {
                return Long.parseLong(m.group(2));
            }
        }
        return -1;
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static List<String> run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines =
                    new ArrayList<>(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .toList());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return lines;
        } catch (IOException e) {
            return new ArrayList<>();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ArrayList<>();
        }
    }
}
