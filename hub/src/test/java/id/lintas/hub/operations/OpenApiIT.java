package id.lintas.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import id.lintas.hub.HubIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI 3.1 document at {@code /v3/api-docs}: complete, secured, with the error model and real examples. */
class OpenApiIT extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void everyApiMappingOfTheControllersIsInTheDocument() throws Exception {
        JsonNode paths = document().path("paths");

        List<String> missing = new ArrayList<>();
        int api = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            for (String path : mapping.getKey().getPatternValues()) {
                if (!path.startsWith("/api/v1/")) {
                    continue;
                }
                api++;
                assertThat(mapping.getKey().getMethodsCondition().getMethods())
                        .as(path + " names its HTTP method")
                        .isNotEmpty();
                for (RequestMethod method :
                        mapping.getKey().getMethodsCondition().getMethods()) {
                    if (!paths.path(path).has(method.name().toLowerCase(Locale.ROOT))) {
                        missing.add(
                                method + " " + path + " (" + mapping.getValue().getShortLogMessage() + ")");
                    }
                }
            }
        }
        assertThat(api).as("mappings under /api/v1").isGreaterThan(25);
        assertThat(missing).as("controller mappings missing from /v3/api-docs").isEmpty();
    }

    @Test
    void documentIsValidAgainstTheOpenApi31Schema() throws Exception {
        JsonSchema schema;
        try (InputStream in = OpenApiIT.class.getResourceAsStream("/openapi/openapi-3.1-schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }

        Set<ValidationMessage> errors = schema.validate(document());

        assertThat(errors).isEmpty();
        assertThat(schema.validate(JSON.readTree("{\"openapi\": \"3.1.0\", \"paths\": {}}")))
                .as("the schema checks")
                .isNotEmpty();
    }

    @Test
    void documentIsOpenApi31WithBothWaysToAuthenticate() throws Exception {
        JsonNode document = document();

        assertThat(document.path("openapi").asText()).startsWith("3.1");
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("bearer").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("bearer").path("description").asText()).contains("private_key_jwt");
        assertThat(schemes.path("clientCredentials")
                        .path("flows")
                        .path("clientCredentials")
                        .path("tokenUrl")
                        .asText())
                .isEqualTo("/oauth2/token");
        assertThat(schemes.path("basic").path("scheme").asText()).isEqualTo("basic");
        List<String> alternatives = new ArrayList<>();
        document.path("security")
                .forEach(requirement -> requirement.fieldNames().forEachRemaining(alternatives::add));
        assertThat(alternatives).containsExactlyInAnyOrder("bearer", "basic");
    }

    @Test
    void everyErrorAnswerIsAProblemWithTheRefusedFields() throws Exception {
        JsonNode document = document();

        JsonNode problem =
                document.path("components").path("schemas").path("Problem").path("properties");
        assertThat(problem.fieldNames()).toIterable().contains("type", "title", "status", "detail", "errors");
        assertThat(problem.path("errors").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/FieldError");
        assertThat(document.path("components")
                        .path("schemas")
                        .path("FieldError")
                        .path("required")
                        .toString())
                .contains("field", "reason");
        List<String> withoutProblem = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    JsonNode responses = operation.getValue().path("responses");
                    for (String status : List.of("401", "403", "429", "503")) {
                        if (!"#/components/schemas/Problem"
                                .equals(responses
                                        .path(status)
                                        .path("content")
                                        .path("application/problem+json")
                                        .path("schema")
                                        .path("$ref")
                                        .asText())) {
                            withoutProblem.add(operation.getKey() + " " + path.getKey() + " " + status);
                        }
                    }
                }));
        assertThat(withoutProblem).isEmpty();
        assertThat(document.path("paths")
                        .path("/api/v1/participants/{participantId}/referrals")
                        .path("post")
                        .path("responses")
                        .path("400")
                        .path("content")
                        .has("application/problem+json"))
                .isTrue();
    }

    @Test
    void successAnswersAreTheOnesTheControllersGive() throws Exception {
        JsonNode paths = document().path("paths");

        JsonNode intake = paths.path("/api/v1/participants/{participantId}/referrals")
                .path("post")
                .path("responses");
        assertThat(intake.has("202")).isTrue();
        assertThat(intake.has("200")).isFalse();
        assertThat(intake.path("202").has("content"))
                .as("the answer's schema moves with it")
                .isTrue();
        assertThat(paths.path("/api/v1/agreements")
                        .path("post")
                        .path("responses")
                        .has("201"))
                .isTrue();
        JsonNode revoke = paths.path("/api/v1/participants/{participant}/keys/{kid}")
                .path("delete")
                .path("responses");
        assertThat(revoke.has("204")).isTrue();
        assertThat(revoke.path("204").has("content")).isFalse();
    }

    @Test
    void participantsAreDescribedWithTheirErrorsAndExample() throws Exception {
        JsonNode paths = document().path("paths");

        JsonNode create = paths.path("/api/v1/participants").path("post");
        assertThat(create.path("responses").has("201")).isTrue();
        assertThat(create.path("responses").path("422").path("content").has("application/problem+json"))
                .isTrue();
        assertThat(create.path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("examples")
                        .path("participant-paser.json")
                        .path("value"))
                .isEqualTo(
                        JSON.readTree(EXAMPLES.resolve("participant-paser.json").toFile()));
        assertThat(paths.path("/api/v1/participants/{id}")
                        .path("put")
                        .path("responses")
                        .has("409"))
                .isTrue();
        assertThat(paths.path("/api/v1/participants/{id}/history").has("get")).isTrue();
    }

    @Test
    void requestExamplesAreTheFilesOfDocsExamples() throws Exception {
        JsonNode paths = document().path("paths");

        JsonNode referral = paths.path("/api/v1/participants/{participantId}/referrals")
                .path("post")
                .path("requestBody")
                .path("content");
        assertThat(referral.path("application/json")
                        .path("schema")
                        .path("format")
                        .isMissingNode())
                .as("a region's own document, not base64")
                .isTrue();
        assertThat(referral.path("application/json")
                        .path("examples")
                        .path("referral-tppo-to-ppu.json")
                        .path("value"))
                .isEqualTo(JSON.readTree(
                        EXAMPLES.resolve("referral-tppo-to-ppu.json").toFile()));
        assertThat(referral.path("application/xml")
                        .path("examples")
                        .path("kasus-anak-kukar.xml")
                        .path("value")
                        .asText())
                .isEqualTo(Files.readString(EXAMPLES.resolve("kasus-anak-kukar.xml"), StandardCharsets.UTF_8));
        assertThat(paths.path("/api/v1/participants/{participantId}/status")
                        .path("post")
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("examples")
                        .path("status-accepted.json")
                        .path("value"))
                .isEqualTo(
                        JSON.readTree(EXAMPLES.resolve("status-accepted.json").toFile()));
        assertThat(paths.path("/api/v1/agreements")
                        .path("post")
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("examples")
                        .path("agreements-pks-kukar-ppu-2024-v2.json")
                        .path("value"))
                .isEqualTo(JSON.readTree(EXAMPLES.resolve("agreements/pks-kukar-ppu-2024-v2.json")
                        .toFile()));
    }

    @Test
    void documentIsServedToAuthenticatedCallersOnly() throws Exception {
        assertThat(get(null).statusCode()).isEqualTo(401);
        assertThat(get(credentials.basic("auditor")).statusCode()).isEqualTo(200);
        assertThat(get(credentials.bearer("kukar")).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs.yaml", null).statusCode()).isEqualTo(401);
        HttpResponse<String> yaml = get("/v3/api-docs.yaml", credentials.basic("auditor"));
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("openapi: 3.1");
    }

    private JsonNode document() throws IOException, InterruptedException {
        HttpResponse<String> answer = get(credentials.basic("auditor"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> get(String authorization) throws IOException, InterruptedException {
        return get("/v3/api-docs", authorization);
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
