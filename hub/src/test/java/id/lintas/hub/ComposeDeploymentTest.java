package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The production {@code docker-compose.yml} keeps what a real deployment needs: nothing persistent in
 * a container's layer, TLS in front of a hub that is not published in clear, healthchecks everywhere,
 * and the settings the hub refuses to guess. ({@code docker compose config}, where the command
 * exists, checks the file's form: {@code .ci/run}.)
 */
class ComposeDeploymentTest {

    /** The checkout: tests run in the hub module's directory. */
    private static final Path ROOT = Path.of("..");

    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("postgres", "artemis", "hub", "proxy");
    }

    @Test
    void everyServiceHasAHealthcheck() {
        services.forEach((name, service) -> {
            assertThat(service).as(name).containsKey("healthcheck");
            assertThat(map(service.get("healthcheck")).get("test"))
                    .as(name + " healthcheck test")
                    .isNotNull();
        });
    }

    @Test
    void everyWritableMountIsADeclaredNamedVolume() {
        Map<String, Object> declared = map(compose.get("volumes"));
        services.forEach((name, service) -> {
            for (String mount : mounts(service)) {
                String[] parts = mount.split(":");
                boolean bind = parts[0].startsWith(".") || parts[0].startsWith("/") || parts[0].startsWith("$");
                if (bind) {
                    assertThat(mount)
                            .as(name + ": a bind mount is configuration, read-only")
                            .endsWith(":ro");
                } else {
                    assertThat(declared).as(name + ": " + mount).containsKey(parts[0]);
                }
            }
        });
    }

    @Test
    void thePersistentPathsAreOnNamedVolumes() {
        assertThat(namedVolumeTargets(services.get("postgres"))).contains("/var/lib/postgresql/data");
        assertThat(namedVolumeTargets(services.get("artemis"))).contains("/var/lib/artemis-instance/data");
        // The hub's whole data directory: security/ (keysets, token signing key) and files/ live under it.
        Map<String, Object> hub = environment("hub");
        assertThat(namedVolumeTargets(services.get("hub"))).contains(String.valueOf(hub.get("LINTAS_DATA_DIR")));
        assertThat(hub)
                .as("keys kept elsewhere than the data directory's volume")
                .doesNotContainKeys(
                        "LINTAS_CRYPTO_FIELD_KEYSET",
                        "LINTAS_CRYPTO_LOOKUP_KEYSET",
                        "LINTAS_SECURITY_TOKEN_SIGNING_KEY");
    }

    @Test
    void theHubsVolumeStartsOwnedByTheHubsUser() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("hub").resolve("Dockerfile"), StandardCharsets.UTF_8);
        assertThat(dockerfile)
                .contains(
                        "--uid 10001 lintas",
                        "mkdir -p /var/lib/lintas/security /var/lib/lintas/files",
                        "chown -R lintas /var/lib/lintas",
                        "USER lintas",
                        "VOLUME /var/lib/lintas");
        assertThat(String.valueOf(environment("hub").get("LINTAS_DATA_DIR"))).isEqualTo("/var/lib/lintas");
    }

    @Test
    void onlyTheTlsProxyIsPublished() throws IOException {
        services.forEach((name, service) -> {
            if (!name.equals("proxy")) {
                assertThat(service)
                        .as(name + " is reached inside the compose network only")
                        .doesNotContainKey("ports");
            }
        });
        assertThat(strings(services.get("proxy").get("ports"))).containsExactly("443:443");
        String caddyfile =
                Files.readString(ROOT.resolve("deploy").resolve("caddy").resolve("Caddyfile"), StandardCharsets.UTF_8);
        assertThat(caddyfile)
                .contains(
                        ":443 {",
                        "tls /etc/lintas/tls/cert.pem /etc/lintas/tls/key.pem",
                        "reverse_proxy hub:8080",
                        "auto_https disable_redirects");
        assertThat(mounts(services.get("proxy")))
                .anyMatch(mount -> mount.endsWith(":/etc/lintas/tls:ro"))
                .anyMatch(mount -> mount.startsWith("./deploy/caddy/Caddyfile:/etc/caddy/Caddyfile"));
        assertThat(environment("hub")).containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "native");
    }

    @Test
    void theIssuerSecretsAndScrapeTokenAreRequiredNotDefaulted() {
        Map<String, Object> hub = environment("hub");
        assertThat(String.valueOf(hub.get("LINTAS_SECURITY_ISSUER"))).startsWith("${LINTAS_SECURITY_ISSUER:?");
        assertThat(String.valueOf(hub.get("LINTAS_METRICS_SCRAPE_TOKEN")))
                .startsWith("${LINTAS_METRICS_SCRAPE_TOKEN:?");
        assertThat(String.valueOf(hub.get("SPRING_DATASOURCE_PASSWORD"))).startsWith("${LINTAS_DB_PASSWORD:?");
        assertThat(String.valueOf(hub.get("SPRING_ARTEMIS_PASSWORD"))).startsWith("${LINTAS_BROKER_PASSWORD:?");
        assertThat(String.valueOf(environment("postgres").get("POSTGRES_PASSWORD")))
                .startsWith("${LINTAS_DB_PASSWORD:?");
        assertThat(String.valueOf(environment("artemis").get("ARTEMIS_PASSWORD")))
                .startsWith("${LINTAS_BROKER_PASSWORD:?");
    }

    private static List<String> namedVolumeTargets(Map<String, Object> service) {
        Map<String, Object> declared = map(compose.get("volumes"));
        List<String> targets = new ArrayList<>();
        for (String mount : mounts(service)) {
            String[] parts = mount.split(":");
            if (declared.containsKey(parts[0])) {
                targets.add(parts[1]);
            }
        }
        return targets;
    }

    private static List<String> mounts(Map<String, Object> service) {
        return strings(service.get("volumes"));
    }

    private static Map<String, Object> environment(String service) {
        return map(services.get(service).get("environment"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
