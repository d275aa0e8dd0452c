package id.lintas.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Timed reads of one referral's record, {@code GET /api/v1/referrals/{id}}, one after the other: as the
 * demo operator (HTTP Basic, the record without the victims' data) and as the referral's sender (its
 * bearer token: the record with the Bundle decrypted and the same-victim links, the query that grows
 * with stored referrals).
 *
 * @param system the system's label in the table
 * @param caller {@code operator} or the sender's participant id
 * @param nanos p50, p95, p99 of request → answer of the 200s
 * @param reads requests made
 * @param errors answers other than 200, and requests without an answer
 */
record Reads(String system, String caller, long[] nanos, int reads, int errors) {

    /** The demo's operator account (README, "Demo accounts and keys": password {@code demo-<name>}). */
    static final String OPERATOR = "operator";

    static Reads time(HttpClient http, Target target, String caller, List<UUID> ids, int reads)
            throws InterruptedException {
        List<Long> times = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < reads && !ids.isEmpty(); i++) {
            UUID id = ids.get(i % ids.size());
            try {
                String authorization = OPERATOR.equals(caller)
                        ? "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (OPERATOR + ":demo-" + OPERATOR).getBytes(StandardCharsets.UTF_8))
                        : "Bearer " + target.token(caller);
                long sent = System.nanoTime();
                HttpResponse<Void> answer = http.send(
                        HttpRequest.newBuilder(URI.create(target.base() + "/api/v1/referrals/" + id))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", authorization)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    times.add(System.nanoTime() - sent);
                } else {
                    errors++;
                    if (answer.statusCode() == 401 && !OPERATOR.equals(caller)) {
                        target.invalidate(caller);
                    }
                }
            } catch (IOException e) {
                errors++;
            }
        }
        Percentiles p =
                new Percentiles(times.stream().mapToLong(Long::longValue).toArray());
        return new Reads(
                target.name(), caller, new long[] {p.at(50), p.at(95), p.at(99)}, ids.isEmpty() ? 0 : reads, errors);
    }

    private static final String[] HEADER = {"system", "read as", "n", "ms p50/p95/p99", "err"};

    static String format(List<Reads> lines) {
        return Table.grid(
                HEADER,
                lines.stream()
                        .map(r -> new String[] {
                            r.system(),
                            r.caller(),
                            Integer.toString(r.reads()),
                            Table.millis(r.nanos()),
                            Integer.toString(r.errors())
                        })
                        .toList(),
                2);
    }
}
