package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;

/**
 * Jazzer throws malformed input at every inbound HTTP endpoint of a running hub (real security chain,
 * PostgreSQL and Artemis), each with the credentials of its rightful caller: Kukar's JSON referrals
 * and statuses, Prabumulih's XML, Jakarta's FHIR messages, and the administrators' agreement check and
 * routing explain. For every input: no 5xx, no stack trace or internal class name in the answer, and
 * nothing written when the input is refused (no referral, no delivery), at most one referral when it
 * is taken. The seeds are the regions' samples, the demo agreement and a regression input; each ends
 * with one digit, 1 to 7, that picks its endpoint in {@link #ENDPOINTS} (Jazzer reads the endpoint from
 * the input's last byte, and {@code '1' % 7 == 0}), so mutations start from documents the endpoint
 * understands and reach its validation, routing and persistence, not only its first parser. The number
 * of inputs tried, refused and taken is printed.
 */
class EndpointFuzzIT extends HubIntegrationTest {

    private record Endpoint(String path, String contentType, String caller) {}

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/v1/participants/kukar/referrals", "application/json", "kukar"),
            new Endpoint("/api/v1/participants/kukar/status", "application/json", "kukar"),
            new Endpoint("/api/v1/participants/prabumulih/referrals", "application/xml", "prabumulih"),
            new Endpoint("/api/v1/participants/prabumulih/status", "application/xml", "prabumulih"),
            new Endpoint("/fhir/$process-message", "application/fhir+json", "jakarta"),
            new Endpoint("/api/v1/agreements/check", "application/json", "admin"),
            new Endpoint("/api/v1/routing/explain?sender=kukar&native=true", "application/json", "admin"));

    private static boolean isLoopback(String host, Integer port) {
        return host.equals("localhost")
                || host.startsWith("127.")
                || host.equals("::1")
                || host.equals("0:0:0:0:0:0:0:1");
    }

    private static final AtomicLong INPUTS = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static final AtomicLong TAKEN = new AtomicLong();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @FuzzTest(maxDuration = "30s")
    void everyEndpointRefusesMalformedInputCleanly(FuzzedDataProvider data) throws IOException, InterruptedException {
        // Between requests the hub's own background work (scheduled readiness checks, the connection pool)
        // connects to its embedded PostgreSQL and broker on this machine; any other destination is still a
        // finding. Set for the whole run (the policy is global); the request below allows everything.
        BugDetectors.allowNetworkConnections(EndpointFuzzIT::isLoopback);
        INPUTS.incrementAndGet();
        Endpoint endpoint = ENDPOINTS.get(data.consumeInt(0, ENDPOINTS.size() - 1));
        byte[] body = data.consumeRemainingAsBytes();
        String authorization =
                endpoint.caller().equals("admin") ? credentials.basic("admin") : credentials.bearer(endpoint.caller());
        int referralsBefore = count("referral");
        int deliveriesBefore = count("delivery");

        HttpResponse<String> answer;
        // The hub's deliveries (to WireMock and the HAPI server) are not the fuzzer's doing.
        try (var network = BugDetectors.allowNetworkConnections()) {
            answer = CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint.path()))
                            .header("Content-Type", endpoint.contentType())
                            .header("Authorization", authorization)
                            .timeout(Duration.ofSeconds(20))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        assertThat(answer.statusCode())
                .as("%s answered %s", endpoint.path(), answer.body())
                .isLessThan(500);
        assertThat(answer.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("org.springframework")
                .doesNotContain("id.lintas.");
        if (answer.statusCode() >= 400) {
            REFUSED.incrementAndGet();
            assertThat(count("referral"))
                    .as("a refused input writes no referral")
                    .isEqualTo(referralsBefore);
            assertThat(count("delivery")).as("a refused input owes no delivery").isEqualTo(deliveriesBefore);
        } else {
            TAKEN.incrementAndGet();
            assertThat(count("referral"))
                    .as("one input is at most one referral")
                    .isBetween(referralsBefore, referralsBefore + 1);
        }
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    @AfterAll
    static void report() {
        System.out.println("Fuzzing the hub's endpoints: " + INPUTS.get() + " inputs tried, " + REFUSED.get()
                + " refused, " + TAKEN.get() + " taken");
        assertThat(INPUTS.get()).as("inputs tried").isPositive();
    }
}
