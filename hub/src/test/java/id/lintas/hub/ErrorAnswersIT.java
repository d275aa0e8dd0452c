package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Every refusal has a body a caller can read: problem details on the API, an OperationOutcome under
 * {@code /fhir}, whether the security chain or a controller refused; unknown paths are 404, not 403.
 * {@code /fhir/metadata} (JSON and XML) and {@code /.well-known/smart-configuration} say how to get a token.
 */
class ErrorAnswersIT extends HubIntegrationTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private RestClient raw;

    @BeforeEach
    void client() {
        raw = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    private ResponseEntity<String> get(String path, String authorization) {
        RestClient.RequestHeadersSpec<?> request = raw.get().uri(path);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.retrieve().toEntity(String.class);
    }

    private static void isProblem(ResponseEntity<String> answer, int status, String type) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = Samples.json(answer.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isEqualTo("https://lintas.or.id/problems/" + type);
        assertThat(problem.path("title").asText()).isNotBlank();
    }

    private static OperationOutcome isOperationOutcome(ResponseEntity<String> answer, int status, String code) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/fhir+json");
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, answer.getBody());
        assertThat(outcome.getIssueFirstRep().getCode().toCode()).isEqualTo(code);
        return outcome;
    }

    @Test
    void unauthenticatedAndForbiddenCallsAnswerProblemDetails() {
        ResponseEntity<String> anonymous = get("/api/v1/referrals/overdue", null);
        isProblem(anonymous, 401, "unauthorized");
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Bearer");

        isProblem(
                get(
                        "/api/v1/referrals/overdue",
                        "Basic " + java.util.Base64.getEncoder().encodeToString("operator:wrong".getBytes())),
                401,
                "unauthorized");
        isProblem(get("/api/v1/referrals/overdue", "Bearer not-a-token"), 401, "unauthorized");
        isProblem(get("/api/v1/referrals/overdue", credentials.basic("admin")), 403, "forbidden");
    }

    @Test
    void unknownPathsAre404ForEveryCaller() {
        isProblem(get("/api/v1/no-such-thing", null), 404, "not-found");
        isProblem(get("/api/v1/no-such-thing", credentials.basic("operator")), 404, "not-found");
        isProblem(get("/no-such-page", credentials.bearer("kukar")), 404, "not-found");
        isProblem(get("/error", null), 404, "not-found");
        // A known path with another method: 405, still without running anything.
        ResponseEntity<String> wrongMethod =
                raw.method(HttpMethod.DELETE).uri("/fhir/metadata").retrieve().toEntity(String.class);
        isOperationOutcome(wrongMethod, 405, "not-supported");
    }

    @Test
    void theFhirEndpointAnswersOperationOutcomes() {
        isOperationOutcome(get("/fhir/Patient/1", null), 404, "not-found");
        isOperationOutcome(get("/fhir/Patient/1", credentials.bearer("jakarta")), 404, "not-found");
        ResponseEntity<String> anonymous = raw.post()
                .uri("/fhir/$process-message")
                .contentType(MediaType.valueOf("application/fhir+json"))
                .body("{\"resourceType\":\"Bundle\",\"type\":\"message\"}")
                .retrieve()
                .toEntity(String.class);
        isOperationOutcome(anonymous, 401, "login");
        ResponseEntity<String> person = raw.post()
                .uri("/fhir/$process-message")
                .contentType(MediaType.valueOf("application/fhir+json"))
                .header(HttpHeaders.AUTHORIZATION, credentials.basic("operator"))
                .body("{\"resourceType\":\"Bundle\",\"type\":\"message\"}")
                .retrieve()
                .toEntity(String.class);
        isOperationOutcome(person, 403, "forbidden");
    }

    @Test
    void metadataIsJsonOrXmlAndDescribesTheTokenFlow() {
        ResponseEntity<String> xml = raw.get()
                .uri("/fhir/metadata")
                .header(HttpHeaders.ACCEPT, "application/fhir+xml")
                .retrieve()
                .toEntity(String.class);
        assertThat(xml.getHeaders().getContentType().toString()).startsWith("application/fhir+xml");
        CapabilityStatement fromXml = FHIR.newXmlParser().parseResource(CapabilityStatement.class, xml.getBody());
        assertThat(fromXml.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(get("/fhir/metadata?_format=xml", null).getBody()).startsWith("<CapabilityStatement");

        CapabilityStatement statement = FHIR.newJsonParser()
                .parseResource(
                        CapabilityStatement.class, get("/fhir/metadata", null).getBody());
        CapabilityStatement.CapabilityStatementRestSecurityComponent security =
                statement.getRestFirstRep().getSecurity();
        assertThat(security.getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
        assertThat(((UriType) security.getExtensionByUrl(
                                        "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris")
                                .getExtensionByUrl("token")
                                .getValue())
                        .getValue())
                .isEqualTo(credentials.tokenEndpoint());
        assertThat(security.getDescription()).contains("private_key_jwt").contains(credentials.tokenEndpoint());
    }

    @Test
    void smartConfigurationDescribesBackendServices() {
        ResponseEntity<String> answer = get("/.well-known/smart-configuration", null);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        JsonNode configuration = Samples.json(answer.getBody());
        assertThat(configuration.path("issuer").asText()).isEqualTo(credentials.issuer());
        assertThat(configuration.path("token_endpoint").asText()).isEqualTo(credentials.tokenEndpoint());
        assertThat(configuration.path("grant_types_supported").toString()).isEqualTo("[\"client_credentials\"]");
        assertThat(configuration.path("token_endpoint_auth_methods_supported").toString())
                .isEqualTo("[\"private_key_jwt\"]");
        assertThat(configuration
                        .path("token_endpoint_auth_signing_alg_values_supported")
                        .toString())
                .contains("ES256", "PS256");
        assertThat(configuration.path("capabilities").toString()).contains("client-confidential-asymmetric");
    }
}
