package id.lintas.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every case sent in a run, by case number, with its moments in {@link System#nanoTime()}: sent,
 * answered (the 202, or the file's receipt), first delivered in the receiver's format. Counts of
 * answers and first deliveries are kept as they happen, so a window's figures are two readings apart.
 */
final class Tracker {

    /** One case's moments (0 = not yet). */
    static final class Track {
        final String cell;
        final long sent;
        final boolean measured;
        final boolean file;
        volatile long answered;
        volatile long delivered;

        Track(String cell, long sent, boolean measured, boolean file) {
            this.cell = cell;
            this.sent = sent;
            this.measured = measured;
            this.file = file;
        }

        /** From the answer (a file's row: from its drop) to its delivery. */
        long lag() {
            return delivered - (file ? sent : answered);
        }
    }

    private final Map<String, Track> cases = new ConcurrentHashMap<>();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong unknownDeliveries = new AtomicLong();

    void sent(String caseNumber, String cell, long nanos, boolean measured, boolean file) {
        cases.put(caseNumber, new Track(cell, nanos, measured, file));
    }

    void answered(String caseNumber, long nanos) {
        Track track = cases.get(caseNumber);
        if (track != null && track.answered == 0) {
            track.answered = nanos;
            answers.incrementAndGet();
        }
    }

    /** A delivery seen at the receiver; true when it is a case of this run. */
    boolean delivered(String caseNumber, long nanos) {
        Track track = caseNumber == null ? null : cases.get(caseNumber);
        if (track == null) {
            unknownDeliveries.incrementAndGet();
            return false;
        }
        synchronized (track) {
            if (track.delivered == 0) {
                track.delivered = nanos;
                deliveries.incrementAndGet();
            }
        }
        return true;
    }

    boolean isCase(String value) {
        return value != null && cases.containsKey(value);
    }

    boolean answered(String caseNumber) {
        Track track = cases.get(caseNumber);
        return track != null && track.answered != 0;
    }

    long answers() {
        return answers.get();
    }

    long deliveries() {
        return deliveries.get();
    }

    long unknownDeliveries() {
        return unknownDeliveries.get();
    }

    /** Cases of the cell answered but not (yet) delivered. */
    long owed(String cell) {
        return cases.values().stream()
                .filter(t -> t.cell.equals(cell) && t.answered != 0 && t.delivered == 0)
                .count();
    }

    /** Cases of any cell answered but not (yet) delivered. */
    long owed() {
        return cases.values().stream()
                .filter(t -> t.answered != 0 && t.delivered == 0)
                .count();
    }

    /** Every case of the cell. */
    List<Track> all(String cell) {
        return cases.values().stream().filter(t -> t.cell.equals(cell)).toList();
    }

    /** Cases of the cell sent in its measurement window. */
    List<Track> measured(String cell) {
        List<Track> found = new ArrayList<>();
        for (Track track : cases.values()) {
            if (track.cell.equals(cell) && track.measured) {
                found.add(track);
            }
        }
        return found;
    }
}
