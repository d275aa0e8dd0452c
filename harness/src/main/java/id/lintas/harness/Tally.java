package id.lintas.harness;

/**
 * Counts of cases (not of messages), for one entry point or all.
 *
 * @param sent cases sent at least once
 * @param accepted cases the hub answered as taken in and routed (2xx, or a DITERIMA receipt row)
 * @param delivered accepted cases that had an effect at their receiver, in its format
 * @param lost accepted cases not delivered after the final wait, or whose record the hub no longer has
 * @param duplicated cases with more than one business effect at the receiver, or more than one hub id
 * @param redelivered cases delivered again under the same key (a retry the receiver recognises)
 * @param resent sendings beyond the first (after no answer, a 5xx, an expired token)
 * @param refused cases the hub refused or did not route (none is expected: every case is valid and covered)
 * @param forgotten accepted cases whose hub id the hub answers 404 for after recovery
 * @param unacknowledged cases sent but never answered (no 2xx, no receipt)
 */
record Tally(
        int sent,
        int accepted,
        int delivered,
        int lost,
        int duplicated,
        int redelivered,
        int resent,
        int refused,
        int forgotten,
        int unacknowledged) {

    static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    Tally plus(Tally o) {
        return new Tally(
                sent + o.sent,
                accepted + o.accepted,
                delivered + o.delivered,
                lost + o.lost,
                duplicated + o.duplicated,
                redelivered + o.redelivered,
                resent + o.resent,
                refused + o.refused,
                forgotten + o.forgotten,
                unacknowledged + o.unacknowledged);
    }
}
