package id.lintas.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules in {@code deploy/prometheus/}: valid for Prometheus ({@code promtool check rules}),
 * firing when they must ({@code promtool test rules}), each with a {@code for:} and a runbook entry in
 * the README.
 */
class PrometheusRulesTest {

    private static final Path RULES_DIR = Path.of("..", "deploy", "prometheus");
    private static final Path RULES = RULES_DIR.resolve("lintas-alerts.yml");
    private static final Path RULES_TEST = RULES_DIR.resolve("lintas-alerts.test.yml");

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Promtool.Run check = Promtool.run(
                RULES_DIR, null, "check", "rules", RULES.getFileName().toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + alerts().size() + " rules found");
    }

    @Test
    void theAlertsFireInPromtoolsRuleTests() throws Exception {
        Promtool.Run test = Promtool.run(
                RULES_DIR, null, "test", "rules", RULES_TEST.getFileName().toString());

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
        // The tests expect these alerts to fire (not only to stay silent).
        List<String> expectedToFire = new ArrayList<>();
        for (Map<String, Object> testCase : list(yaml(RULES_TEST).get("tests"))) {
            for (Map<String, Object> check : list(testCase.get("alert_rule_test"))) {
                if (!list(check.get("exp_alerts")).isEmpty()) {
                    expectedToFire.add((String) check.get("alertname"));
                }
            }
        }
        assertThat(expectedToFire)
                .contains("LintasReceiverCircuitOpen", "LintasDeadDeliveries", "LintasAnswersOverdue");
    }

    @Test
    void everyAlertWaitsItsForClauseAndSaysWhatToDo() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        List<Map<String, Object>> alerts = alerts();

        assertThat(alerts)
                .extracting(a -> a.get("alert"))
                .contains(
                        "LintasHubDown",
                        "LintasHubNotReady",
                        "LintasIntakeUnavailable",
                        "LintasReceiverCircuitOpen",
                        "LintasDeliveryWaitingTooLong",
                        "LintasDeliveryBacklogHigh",
                        "LintasDeadDeliveries",
                        "LintasAnswersOverdue",
                        "LintasReferralsRefusedSpike",
                        "LintasMessagesRejectedSpike",
                        "LintasLogGrowingFast",
                        "LintasIntakeSaturated",
                        "LintasCanonicalCheckDisagrees");
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            assertThat(alert.get("for")).as(name + ": for").isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = (Map<String, Object>) alert.get("annotations");
            assertThat(annotations).as(name + ": annotations").containsKeys("summary", "description", "runbook");
            String runbook = (String) annotations.get("runbook");
            assertThat(runbook).as(name).startsWith("README.md, Operations, Alerts: ");
            String entry = runbook.substring("README.md, Operations, Alerts: ".length());
            assertThat(readme.contains("- **" + entry + "**"))
                    .as(name + ": its runbook entry in README's Operations")
                    .isTrue();
        }
    }

    private static List<Map<String, Object>> alerts() throws IOException {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Map<String, Object> group : list(yaml(RULES).get("groups"))) {
            alerts.addAll(list(group.get("rules")));
        }
        return alerts;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
