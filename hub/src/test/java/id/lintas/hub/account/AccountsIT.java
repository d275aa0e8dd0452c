package id.lintas.hub.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lintas.hub.HubIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Administrators manage people through the API, with separation of duties: an operator they create
 * logs in; a disabled account does not; a reset password replaces the old one; no one changes their
 * own roles; the last administrator cannot be disabled; every change is recorded with its actor.
 */
class AccountsIT extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private RestClient raw;

    @BeforeEach
    void client() {
        raw = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    private ResponseEntity<String> call(String authorization, HttpMethod method, String path, String body) {
        RestClient.RequestBodySpec request = raw.method(method).uri(path);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> asAdmin(HttpMethod method, String path, String body) {
        return call(credentials.basic("admin"), method, path, body);
    }

    private static String basic(String account, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((account + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    @Test
    void anOperatorCreatedByTheAdministratorLogsInAndTheChangeIsRecorded() {
        String name = unique("it-operator");
        ResponseEntity<String> created = asAdmin(
                HttpMethod.POST,
                "/api/v1/accounts",
                "{\"username\":\"" + name + "\",\"password\":\"correct horse battery\",\"roles\":[\"OPERATOR\"]}");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/accounts/" + name);
        assertThat(created.getBody()).doesNotContain("correct horse").doesNotContain("bcrypt");

        assertThat(call(basic(name, "correct horse battery"), HttpMethod.GET, "/api/v1/deliveries?state=DEAD", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        JsonNode account =
                json(asAdmin(HttpMethod.GET, "/api/v1/accounts/" + name, null).getBody());
        assertThat(account.path("roles").toString()).isEqualTo("[\"OPERATOR\"]");
        assertThat(account.path("enabled").asBoolean()).isTrue();
        assertThat(account.path("events").get(0).path("event").asText()).isEqualTo("CREATED");
        assertThat(account.path("events").get(0).path("actor").asText()).isEqualTo("admin");
        assertThat(json(asAdmin(HttpMethod.GET, "/api/v1/accounts", null).getBody())
                        .findValuesAsText("username"))
                .contains(name);
    }

    @Test
    void aDisabledAccountCannotLogInAndAResetPasswordReplacesTheOld() {
        String name = unique("it-auditor");
        asAdmin(
                HttpMethod.POST,
                "/api/v1/accounts",
                "{\"username\":\"" + name + "\",\"password\":\"first password 1\",\"roles\":[\"AUDITOR\"]}");
        String path = "/api/v1/accounts/" + name;

        assertThat(asAdmin(HttpMethod.POST, path + "/disable", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(call(basic(name, "first password 1"), HttpMethod.GET, "/api/v1/referrals/overdue", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(asAdmin(HttpMethod.POST, path + "/enable", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        assertThat(asAdmin(HttpMethod.POST, path + "/password", "{\"password\":\"second password 2\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(call(basic(name, "first password 1"), HttpMethod.GET, "/api/v1/referrals/overdue", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(call(basic(name, "second password 2"), HttpMethod.GET, "/api/v1/referrals/overdue", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        assertThat(json(asAdmin(HttpMethod.GET, path, null).getBody())
                        .path("events")
                        .findValuesAsText("event"))
                .containsExactly("CREATED", "DISABLED", "ENABLED", "PASSWORD_RESET");
    }

    @Test
    void rolesChangeAndASignerNeedsAKnownParty() {
        String name = unique("it-person");
        asAdmin(
                HttpMethod.POST,
                "/api/v1/accounts",
                "{\"username\":\"" + name + "\",\"password\":\"a long password\",\"roles\":[\"AUDITOR\"]}");
        ResponseEntity<String> noParty =
                asAdmin(HttpMethod.PUT, "/api/v1/accounts/" + name + "/roles", "{\"roles\":[\"SIGNER\"]}");
        assertThat(noParty.getStatusCode().value()).isEqualTo(422);
        assertThat(json(noParty.getBody()).path("errors").findValuesAsText("field"))
                .containsExactly("party");

        ResponseEntity<String> unknown = asAdmin(
                HttpMethod.PUT,
                "/api/v1/accounts/" + name + "/roles",
                "{\"roles\":[\"SIGNER\"],\"party\":\"atlantis\"}");
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);

        ResponseEntity<String> signer = asAdmin(
                HttpMethod.PUT, "/api/v1/accounts/" + name + "/roles", "{\"roles\":[\"SIGNER\"],\"party\":\"kukar\"}");
        assertThat(signer.getStatusCode().value()).as(signer.getBody()).isEqualTo(200);
        assertThat(json(signer.getBody()).path("party").asText()).isEqualTo("kukar");
        assertThat(call(basic(name, "a long password"), HttpMethod.GET, "/api/v1/participants/kukar/key-events", null)
                        .getStatusCode()
                        .value())
                .as("a signer of kukar now")
                .isEqualTo(200);
        assertThat(call(basic(name, "a long password"), HttpMethod.GET, "/api/v1/referrals/overdue", null)
                        .getStatusCode()
                        .value())
                .as("no longer an auditor")
                .isEqualTo(403);
        JsonNode events = json(asAdmin(HttpMethod.GET, "/api/v1/accounts/" + name, null)
                        .getBody())
                .path("events");
        assertThat(events.get(1).path("detail").asText()).isEqualTo("SIGNER party=kukar");
    }

    @Test
    void invalidAccountsAreRefusedFieldByField() {
        ResponseEntity<String> invalid = asAdmin(
                HttpMethod.POST,
                "/api/v1/accounts",
                "{\"username\":\"Not A Name\",\"password\":\"short\",\"roles\":[\"PARTICIPANT\"]}");
        assertThat(invalid.getStatusCode().value()).isEqualTo(422);
        assertThat(invalid.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json(invalid.getBody()).path("errors").findValuesAsText("field"))
                .containsExactly("username", "password", "roles");

        ResponseEntity<String> both = asAdmin(
                HttpMethod.POST,
                "/api/v1/accounts",
                "{\"username\":\"" + unique("it-both")
                        + "\",\"password\":\"a long password\",\"roles\":[\"ADMIN\",\"SIGNER\"],"
                        + "\"party\":\"kukar\"}");
        assertThat(both.getStatusCode().value())
                .as("an administrator who signs is one person alone")
                .isEqualTo(422);

        ResponseEntity<String> existing = asAdmin(
                HttpMethod.POST,
                "/api/v1/accounts",
                "{\"username\":\"operator\",\"password\":\"a long password\",\"roles\":[\"OPERATOR\"]}");
        assertThat(existing.getStatusCode().value()).isEqualTo(409);
        assertThat(asAdmin(HttpMethod.GET, "/api/v1/accounts/nobody-here", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void noOneChangesTheirOwnRolesAndTheLastAdministratorStays() {
        ResponseEntity<String> own =
                asAdmin(HttpMethod.PUT, "/api/v1/accounts/admin/roles", "{\"roles\":[\"ADMIN\",\"OPERATOR\"]}");
        assertThat(own.getStatusCode().value()).isEqualTo(403);
        assertThat(json(own.getBody()).path("type").asText()).endsWith("/separation-of-duties");

        ResponseEntity<String> last = asAdmin(HttpMethod.POST, "/api/v1/accounts/admin/disable", null);
        assertThat(last.getStatusCode().value()).isEqualTo(409);
        assertThat(json(last.getBody()).path("type").asText()).endsWith("/last-administrator");
        assertThat(asAdmin(HttpMethod.GET, "/api/v1/accounts/admin", null)
                        .getStatusCode()
                        .value())
                .as("still enabled")
                .isEqualTo(200);
    }

    @Test
    void onlyAdministratorsManageAccounts() {
        for (String caller : new String[] {"operator", "auditor", "signer-kukar"}) {
            ResponseEntity<String> refused = call(credentials.basic(caller), HttpMethod.GET, "/api/v1/accounts", null);
            assertThat(refused.getStatusCode().value()).as(caller).isEqualTo(403);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }
        assertThat(call(
                                credentials.bearer("kukar"),
                                HttpMethod.POST,
                                "/api/v1/accounts",
                                "{\"username\":\"x-by-kukar\",\"password\":\"a long password\",\"roles\":[\"ADMIN\"]}")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(call(null, HttpMethod.GET, "/api/v1/accounts", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }
}
