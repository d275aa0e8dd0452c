package id.lintas.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} (README, Operations): with the hub's own logging
 * configuration, every console line is one JSON object a log shipper reads without parsing rules.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Configuration(proxyBeanMethods = false)
    static class NothingElse {}

    @AfterEach
    void plainLogsAgain() {
        // The next tests of this JVM log as usual.
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
    }

    @Test
    void structuredConsoleLogsAreOneJsonObjectPerLine(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NothingElse.class)
                .web(WebApplicationType.NONE)
                .properties("logging.structured.format.console=ecs", "spring.application.name=lintas-hub")
                .run()) {
            LoggerFactory.getLogger("lintas.security")
                    .warn("event=authentication-failed method={} path=\"{}\"", "GET", "/actuator/prometheus");
        }

        List<String> lines = output.getOut()
                .lines()
                .filter(line -> line.contains("event=authentication-failed"))
                .toList();
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.path("log").path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("log").path("logger").asText()).isEqualTo("lintas.security");
        assertThat(line.path("message").asText())
                .isEqualTo("event=authentication-failed method=GET path=\"/actuator/prometheus\"");
        assertThat(line.path("service").path("name").asText()).isEqualTo("lintas-hub");
        assertThat(line.has("@timestamp")).isTrue();
    }
}
