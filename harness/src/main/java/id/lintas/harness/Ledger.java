package id.lintas.harness;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What happened to every case, as the regions saw it: how often it was sent, what the hub answered,
 * and every business effect it had at a receiver. Receivers name an effect by a key: the same key
 * twice is a retry the receiver can recognise (a redelivery); two keys are two effects (a duplicate).
 * A receiver that cannot recognise a retry (no key) reports {@code null}, and each such delivery is
 * an effect of its own. Thread-safe.
 */
final class Ledger {

    private final Map<String, Case> cases = new LinkedHashMap<>();
    private final AtomicLong unkeyed = new AtomicLong();
    private final AtomicLong strangers = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong noAnswers = new AtomicLong();
    private final AtomicLong unchecked = new AtomicLong();

    private static final class Case {
        final EntryPoint entry;
        int attempts;
        final Set<String> answeredIds = new HashSet<>();
        boolean accepted;
        String refusal;
        final List<String> effectKeys = new ArrayList<>();
        final Set<String> deliveredIds = new HashSet<>();
        Boolean recorded;

        Case(EntryPoint entry) {
            this.entry = entry;
        }
    }

    /** A case the harness will send, by its case number (the sender's source reference). */
    synchronized void expect(String caseNumber, EntryPoint entry) {
        cases.putIfAbsent(caseNumber, new Case(entry));
    }

    synchronized boolean isCase(String caseNumber) {
        return caseNumber != null && cases.containsKey(caseNumber);
    }

    /** One sending of the case (the first or a re-send of the same case and revision). */
    synchronized void sent(String caseNumber) {
        get(caseNumber).attempts++;
    }

    /** The hub took the case in and routed it under this hub id (a 2xx answer, a DITERIMA receipt row). */
    synchronized void accepted(String caseNumber, String hubId) {
        Case c = get(caseNumber);
        c.accepted = true;
        c.answeredIds.add(hubId);
    }

    /** The hub refused the case (a 4xx answer, a DITOLAK row, or recorded but not routed). */
    synchronized void refused(String caseNumber, String reason) {
        Case c = get(caseNumber);
        if (c.refusal == null) {
            c.refusal = reason;
        }
    }

    /**
     * A business effect at the case's receiver.
     *
     * @param effectKey what lets the receiver recognise a retry of the same effect, or null when it cannot
     */
    synchronized void delivered(String caseNumber, String hubId, String effectKey) {
        Case c = cases.get(caseNumber);
        if (c == null) {
            strangers.incrementAndGet();
            return;
        }
        if (effectKey == null) {
            effectKey = "unkeyed#" + unkeyed.incrementAndGet();
        }
        c.effectKeys.add(effectKey);
        if (hubId != null && !hubId.isEmpty()) {
            c.deliveredIds.add(hubId);
        }
    }

    /** After recovery: whether the hub still has its record of the case. */
    synchronized void recorded(String caseNumber, boolean known) {
        get(caseNumber).recorded = known;
    }

    void serverError() {
        serverErrors.incrementAndGet();
    }

    void noAnswer() {
        noAnswers.incrementAndGet();
    }

    void uncheckedRecord() {
        unchecked.incrementAndGet();
    }

    /** The accepted cases, each with one hub id it was answered with, for the record check. */
    synchronized Map<String, String> acceptedIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        cases.forEach((number, c) -> {
            if (c.accepted && c.refusal == null) {
                ids.put(number, c.answeredIds.iterator().next());
            }
        });
        return ids;
    }

    /** Whether the hub has answered the case (accepted or refused it). */
    synchronized boolean answered(String caseNumber) {
        Case c = get(caseNumber);
        return c.accepted || c.refusal != null;
    }

    synchronized EntryPoint entry(String caseNumber) {
        return get(caseNumber).entry;
    }

    /** Accepted cases that have not reached their receiver yet. */
    synchronized int undelivered() {
        int n = 0;
        for (Case c : cases.values()) {
            if (c.accepted && c.refusal == null && c.effectKeys.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** Every effect recorded so far: grows while deliveries still arrive. */
    synchronized int effects() {
        return cases.values().stream().mapToInt(c -> c.effectKeys.size()).sum();
    }

    /**
     * The lost and duplicated cases by number (at most {@code limit} of each), each with its hub ids and
     * effect count, to look up in the hub's log and record. Case numbers are synthetic, never a person's data.
     */
    synchronized List<String> faulty(int limit) {
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        cases.forEach((number, c) -> {
            Tally t = count(c);
            Set<String> hubIds = new java.util.TreeSet<>(c.answeredIds);
            hubIds.addAll(c.deliveredIds);
            String line = number + " " + hubIds + ", " + c.effectKeys.size() + " deliveries, "
                    + new HashSet<>(c.effectKeys).size() + " effects";
            if (t.lost() > 0 && lost.size() < limit) {
                lost.add("lost " + line + (t.forgotten() > 0 ? ", unknown to the hub" : ""));
            }
            if (t.duplicated() > 0 && duplicated.size() < limit) {
                duplicated.add("duplicated " + line);
            }
        });
        lost.addAll(duplicated);
        return lost;
    }

    synchronized Map<EntryPoint, Tally> tally() {
        Map<EntryPoint, Tally> byEntry = new EnumMap<>(EntryPoint.class);
        for (EntryPoint entry : EntryPoint.values()) {
            byEntry.put(entry, Tally.ZERO);
        }
        for (Case c : cases.values()) {
            byEntry.merge(c.entry, count(c), Tally::plus);
        }
        return byEntry;
    }

    long unkeyedDeliveries() {
        return unkeyed.get();
    }

    long strangerDeliveries() {
        return strangers.get();
    }

    long serverErrors() {
        return serverErrors.get();
    }

    long noAnswers() {
        return noAnswers.get();
    }

    long uncheckedRecords() {
        return unchecked.get();
    }

    private static Tally count(Case c) {
        boolean sent = c.attempts > 0;
        boolean refused = c.refusal != null;
        boolean accepted = c.accepted && !refused;
        boolean delivered = accepted && !c.effectKeys.isEmpty();
        boolean forgotten = accepted && Boolean.FALSE.equals(c.recorded);
        Set<String> distinct = new HashSet<>(c.effectKeys);
        Set<String> hubIds = new HashSet<>(c.answeredIds);
        hubIds.addAll(c.deliveredIds);
        boolean duplicated = distinct.size() > 1 || hubIds.size() > 1;
        boolean redelivered = c.effectKeys.size() > distinct.size();
        return new Tally(
                sent ? 1 : 0,
                accepted ? 1 : 0,
                delivered ? 1 : 0,
                accepted && (!delivered || forgotten) ? 1 : 0,
                duplicated ? 1 : 0,
                redelivered ? 1 : 0,
                Math.max(0, c.attempts - 1),
                refused ? 1 : 0,
                forgotten ? 1 : 0,
                sent && !c.accepted && !refused ? 1 : 0);
    }

    private Case get(String caseNumber) {
        Case c = cases.get(caseNumber);
        if (c == null) {
            throw new IllegalArgumentException("not a case of this run: " + caseNumber);
        }
        return c;
    }
}
