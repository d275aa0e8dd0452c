package id.lintas.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.hub.HubIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * {@code /actuator/prometheus}: what Prometheus itself accepts (promtool, the parser and linter of the
 * Prometheus project), the business metrics operators alert on, who may scrape, and that no label ever
 * carries a victim's data.
 */
class PrometheusEndpointIT extends HubIntegrationTest {

    /** The scrape token of the test profile (application-test.yml). */
    static final String SCRAPE_TOKEN = "test-scrape-token-0123456789abcdef";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The only labels the hub's own metrics may have: ids of participants and agreements, and fixed words. */
    private static final Set<String> HUB_LABELS =
            Set.of("sender", "receiver", "agreement", "transport", "outcome", "channel", "log", "le");

    private static final Pattern SAMPLE =
            Pattern.compile("^(lintas_[a-zA-Z0-9_]*)(?:\\{([^}]*)\\})? .*$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void promtoolFindsNoProblemInTheScrape() throws Exception {
        deliverKukarReferralToPpu();
        String scrape = scrape("Basic " + basic("operator"));

        Path metrics = Files.createTempFile("lintas-scrape-", ".prom");
        Files.writeString(metrics, scrape, StandardCharsets.UTF_8);
        Promtool.Run check = Promtool.run(metrics.getParent(), metrics, "check", "metrics");

        assertThat(check.output()).as("promtool check metrics").isBlank();
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(scrape)
                .contains("# TYPE lintas_deliveries_total counter", "# TYPE lintas_delivery_latency_seconds histogram");
    }

    /**
     * Micrometer's logback.events counter is not bound: it is a Logback turbo filter, which Logback asks
     * at every level check of every logger, thousands of times a second under load (ADR 0018).
     */
    @Test
    void noLogbackTurboFilterIsAskedAtEveryLevelCheck() {
        ch.qos.logback.classic.LoggerContext logging =
                (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();

        assertThat(logging.getTurboFilterList()).isEmpty();
        assertThat(scrape("Bearer " + SCRAPE_TOKEN)).doesNotContain("logback_events");
    }

    @Test
    void countsReferralsReceivedRoutedAndDeliveredByParticipantAgreementAndTransport() {
        String before = scrape("Bearer " + SCRAPE_TOKEN);

        deliverKukarReferralToPpu();

        // The log sizes are read at most every 15 s.
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            String after = scrape("Bearer " + SCRAPE_TOKEN);
            assertThat(increase(before, after, "lintas_referrals_received_total{sender=\"kukar\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(
                            increase(
                                    before,
                                    after,
                                    "lintas_referrals_routed_total{agreement=\"pks-kukar-ppu-2024\",receiver=\"ppu\",sender=\"kukar\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(increase(
                            before,
                            after,
                            "lintas_deliveries_total{outcome=\"delivered\",receiver=\"ppu\",transport=\"file\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(increase(
                            before,
                            after,
                            "lintas_delivery_latency_seconds_count{receiver=\"ppu\",transport=\"file\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(after, "lintas_log_entries{log=\"referral-events\"}"))
                    .isPositive();
            assertThat(value(after, "lintas_log_size_bytes{log=\"inbound-messages\"}"))
                    .isPositive();
        });
        String after = scrape("Bearer " + SCRAPE_TOKEN);
        assertThat(after)
                .contains(
                        "lintas_delivery_backlog{receiver=\"ppu\"}",
                        "lintas_delivery_dead{receiver=\"kukar\"}",
                        "lintas_delivery_oldest_waiting_seconds{receiver=\"ppu\"}",
                        "lintas_referrals_overdue{receiver=\"ppu\"}");
    }

    @Test
    void countsOverdueAnswersByReceiver() {
        String id = deliverKukarReferralToPpu();
        String before = scrape("Bearer " + SCRAPE_TOKEN);
        assertThat(before)
                .contains(
                        "lintas_referrals_overdue{receiver=\"kukar\"}",
                        "lintas_referrals_overdue{receiver=\"jakarta\"}");

        // PPU lets the response time of the agreement pass without an answer (the due time is moved back).
        assertThat(jdbc.sql("update referral_route set respond_by = now() - interval '1 hour'"
                                + " where referral_id = ?::uuid and participant_id = 'ppu'")
                        .param(id)
                        .update())
                .isEqualTo(1);

        String after = scrape("Bearer " + SCRAPE_TOKEN);
        assertThat(increase(before, after, "lintas_referrals_overdue{receiver=\"ppu\"}"))
                .isEqualTo(1);
        assertThat(increase(before, after, "lintas_referrals_overdue{receiver=\"kukar\"}"))
                .isZero();
        assertThat(after).doesNotContainPattern("(?m)^lintas_referrals_overdue ");
    }

    @Test
    void saysWhetherTheHubIsReady() {
        // The readiness probe is checked on the scheduler, every 15 s.
        await().atMost(Duration.ofSeconds(45))
                .untilAsserted(() -> assertThat(value(scrape("Bearer " + SCRAPE_TOKEN), "lintas_ready"))
                        .isEqualTo(1.0));
        assertThat(scrape("Bearer " + SCRAPE_TOKEN)).contains("# TYPE lintas_ready gauge");
    }

    @Test
    void alertRulesQueryOnlyMetricsTheHubExposes() throws IOException {
        deliverKukarReferralToPpu();
        String scrape = scrape("Bearer " + SCRAPE_TOKEN);
        String rules =
                Files.readString(Path.of("..", "deploy", "prometheus", "lintas-alerts.yml"), StandardCharsets.UTF_8);

        Set<String> used = new HashSet<>();
        Matcher name = Pattern.compile("(?<![a-z_])(lintas_[a-z0-9_]+|http_server_requests_seconds_count)")
                .matcher(rules.replaceAll("(?m)^\\s*#.*$", "").replaceAll("alert: \\w+", ""));
        while (name.find()) {
            used.add(name.group(1));
        }
        assertThat(used)
                .contains(
                        "lintas_delivery_circuit_open",
                        "lintas_delivery_dead",
                        "lintas_delivery_backlog",
                        "lintas_delivery_oldest_waiting_seconds",
                        "lintas_referrals_overdue",
                        "lintas_referrals_refused_total",
                        "lintas_messages_rejected_total",
                        "lintas_log_size_bytes",
                        "lintas_ready",
                        "http_server_requests_seconds_count");
        for (String metric : used) {
            assertThat(Pattern.compile("(?m)^" + metric + "[{ ]")
                            .matcher(scrape)
                            .find())
                    .as(metric + " in the scrape")
                    .isTrue();
        }
    }

    @Test
    void countsReferralsRefusedAndMessagesRejectedBySender() {
        String before = scrape("Bearer " + SCRAPE_TOKEN);

        // Paser (64.01) has no participant on the hub: received, then refused.
        ObjectNode toPaser = kukarReferral();
        toPaser.with("tujuan").put("kode_wilayah", "6401");
        assertThat(postKukar("referrals", toPaser.toString()).getBody()).contains("\"REFUSED\"");
        assertThat(postKukar("referrals", "{\"no_registrasi\": \"\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);

        String after = scrape("Bearer " + SCRAPE_TOKEN);
        assertThat(increase(before, after, "lintas_referrals_received_total{sender=\"kukar\"}"))
                .isEqualTo(1);
        assertThat(increase(before, after, "lintas_referrals_refused_total{sender=\"kukar\"}"))
                .isEqualTo(1);
        assertThat(increase(before, after, "lintas_messages_rejected_total{channel=\"http\",sender=\"kukar\"}"))
                .isEqualTo(1);
    }

    @Test
    void noLabelOfTheHubsMetricsCarriesAVictimsData() {
        ObjectNode referral = kukarReferral();
        String id = deliver(referral);
        JsonNode victim = referral.path("korban").get(0);

        String scrape = scrape("Bearer " + SCRAPE_TOKEN);

        assertThat(scrape)
                .doesNotContain(
                        victim.path("nama").asText(),
                        victim.path("nik").asText(),
                        victim.path("no_hp").asText(),
                        referral.path("no_registrasi").asText(),
                        id);
        Set<String> labels = new HashSet<>();
        Matcher sample = SAMPLE.matcher(scrape);
        while (sample.find()) {
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
        assertThat(labels)
                .contains("sender", "receiver", "agreement", "transport", "outcome")
                .isSubsetOf(HUB_LABELS);
    }

    @Test
    void scrapeTokenOpensThePrometheusEndpointAndNothingElse() throws Exception {
        assertThat(get("/actuator/prometheus", "Bearer " + SCRAPE_TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(get("/actuator/prometheus", "Bearer " + SCRAPE_TOKEN)
                        .headers()
                        .firstValue(HttpHeaders.CONTENT_TYPE))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(get("/actuator/metrics", "Bearer " + SCRAPE_TOKEN).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/v1/deliveries/receivers", "Bearer " + SCRAPE_TOKEN).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anyoneElseIsRefusedThePrometheusEndpoint() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Bearer " + SCRAPE_TOKEN + "0").statusCode())
                .isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Bearer " + SCRAPE_TOKEN.substring(1))
                        .statusCode())
                .isEqualTo(401);
        assertThat(get("/actuator/prometheus", credentials.bearer("kukar")).statusCode())
                .isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Basic " + basic("admin")).statusCode())
                .isEqualTo(403);
        assertThat(get("/actuator/prometheus", "Basic " + basic("auditor")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void grafanaDashboardQueriesOnlyMetricsTheHubExposes() throws IOException {
        deliverKukarReferralToPpu();
        String scrape = scrape("Bearer " + SCRAPE_TOKEN);
        JsonNode dashboard = JSON.readTree(
                Path.of("..", "deploy", "grafana", "lintas-hub.json").toFile());

        List<String> expressions = dashboard.findValuesAsText("expr");
        assertThat(expressions).isNotEmpty();
        Set<String> used = new HashSet<>();
        for (String expression : expressions) {
            Matcher name = Pattern.compile("lintas_[a-z0-9_]+").matcher(expression);
            while (name.find()) {
                used.add(name.group());
            }
        }
        assertThat(used)
                .contains(
                        "lintas_referrals_received_total",
                        "lintas_deliveries_total",
                        "lintas_delivery_latency_seconds_bucket",
                        "lintas_delivery_backlog",
                        "lintas_delivery_dead",
                        "lintas_referrals_overdue",
                        "lintas_log_size_bytes");
        for (String metric : used) {
            assertThat(Pattern.compile("(?m)^" + metric + "[{ ]")
                            .matcher(scrape)
                            .find())
                    .as(metric + " in the scrape")
                    .isTrue();
        }
    }

    private String deliverKukarReferralToPpu() {
        return deliver(kukarReferral());
    }

    /** Posts the referral and waits until its PPU file is written; answers the hub's id. */
    private String deliver(ObjectNode referral) {
        JsonNode answer = read(postKukar("referrals", referral.toString()).getBody());
        String id = answer.path("referralId").asText();
        awaitOutboxFile("ppu", "RUJUKAN_MASUK_" + id);
        return id;
    }

    /** Kukar's TPPO referral to PPU as a new case of its own. */
    private static ObjectNode kukarReferral() {
        ObjectNode referral = (ObjectNode) read(sample("kukar-json", "referral-tppo-to-ppu.json"));
        referral.put(
                "no_registrasi",
                "KKR/2025/" + (10000 + Math.floorMod(UUID.randomUUID().hashCode(), 89999)));
        return referral;
    }

    private static String sample(String region, String name) {
        try {
            return Files.readString(samples(region).resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String scrape(String authorization) {
        try {
            HttpResponse<String> answer = get("/actuator/prometheus", authorization);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String basic(String account) {
        return credentials.basic(account).substring("Basic ".length());
    }

    private static double increase(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }

    /** The value of one series (name and labels exactly as the registry writes them, labels sorted); 0 when absent. */
    private static double value(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(
                        line.substring(series.length() + 1).trim().split(" ")[0]);
            }
        }
        return 0;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
