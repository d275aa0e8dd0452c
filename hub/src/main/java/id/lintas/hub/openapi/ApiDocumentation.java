package id.lintas.hub.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated document cannot know from the controllers: how callers authenticate, the one error
 * model (RFC 9457 problem details with {@code errors: [{field, reason}]}), and real requests as examples.
 */
@Configuration
class ApiDocumentation {

    static final String BEARER = "bearer";
    static final String CLIENT_CREDENTIALS = "clientCredentials";
    static final String BASIC = "basic";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    /** Where the build copies {@code docs/examples/} (hub/pom.xml). */
    static final String EXAMPLES = "openapi/examples/";

    /** A request example: one file of docs/examples/ for one operation and media type. */
    record RequestExample(PathItem.HttpMethod method, String path, String mediaType, String file) {}

    static final List<RequestExample> REQUEST_EXAMPLES = List.of(
            new RequestExample(
                    PathItem.HttpMethod.POST,
                    "/api/v1/participants/{participantId}/referrals",
                    "application/json",
                    "referral-tppo-to-ppu.json"),
            new RequestExample(
                    PathItem.HttpMethod.POST,
                    "/api/v1/participants/{participantId}/referrals",
                    "application/xml",
                    "kasus-anak-kukar.xml"),
            new RequestExample(
                    PathItem.HttpMethod.POST,
                    "/api/v1/participants/{participantId}/status",
                    "application/json",
                    "status-accepted.json"),
            new RequestExample(
                    PathItem.HttpMethod.POST,
                    "/api/v1/agreements",
                    "application/json",
                    "agreements/pks-kukar-ppu-2024-v2.json"),
            new RequestExample(
                    PathItem.HttpMethod.POST,
                    "/api/v1/agreements/check",
                    "application/json",
                    "agreements/pks-kukar-ppu-2024-v2.json"),
            new RequestExample(
                    PathItem.HttpMethod.POST,
                    "/api/v1/routing/explain",
                    "application/json",
                    "referral-tppo-to-ppu.json"),
            new RequestExample(
                    PathItem.HttpMethod.POST, "/api/v1/participants", "application/json", "participant-paser.json"));

    /** A success answer other than 200, which the generator cannot see in a {@code ResponseEntity}. */
    record Success(PathItem.HttpMethod method, String path, String status, String description) {}

    static final List<Success> SUCCESSES = List.of(
            new Success(
                    PathItem.HttpMethod.POST,
                    "/api/v1/participants/{participantId}/referrals",
                    "202",
                    "Recorded durably and routed (or refused, with the reason); `Location` is the referral"),
            new Success(PathItem.HttpMethod.POST, "/api/v1/agreements", "201", "Registered as a draft version"),
            new Success(
                    PathItem.HttpMethod.POST,
                    "/api/v1/participants",
                    "201",
                    "Connected: its routes run on every hub instance within the refresh interval; `Location` is the participant"),
            new Success(
                    PathItem.HttpMethod.POST,
                    "/api/v1/agreements/{id}/versions/{version}/signatures",
                    "201",
                    "The signature is recorded"),
            new Success(
                    PathItem.HttpMethod.POST,
                    "/api/v1/participants/{participant}/keys",
                    "201",
                    "The key is registered"),
            new Success(
                    PathItem.HttpMethod.POST,
                    "/api/v1/participants/{participant}/client-keys",
                    "201",
                    "The key is registered, awaiting approval"),
            new Success(
                    PathItem.HttpMethod.DELETE,
                    "/api/v1/participants/{participant}/keys/{kid}",
                    "204",
                    "The key is revoked"),
            new Success(
                    PathItem.HttpMethod.DELETE,
                    "/api/v1/participants/{participant}/client-keys/{kid}",
                    "204",
                    "The key is revoked"),
            new Success(
                    PathItem.HttpMethod.POST, "/api/v1/deliveries/{id}/retry", "202", "The delivery is queued again"),
            new Success(
                    PathItem.HttpMethod.POST,
                    "/api/v1/deliveries/receivers/{receiver}/redrive",
                    "202",
                    "The receiver's dead deliveries are queued again"));

    /** Answers every operation can give, besides its own. */
    private static final Map<String, String> COMMON_ERRORS = new LinkedHashMap<>(Map.of(
            "401", "No credentials, or credentials the hub does not accept (WWW-Authenticate says which)",
            "403", "The caller's role or participant may not do this",
            "429", "Too many requests, or too many failed authentications: retry after Retry-After seconds",
            "503", "The hub is starting, stopping, or its database does not answer: retry after Retry-After seconds"));

    private final ObjectMapper json = new ObjectMapper();

    @Bean
    OpenApiCustomizer lintasApi() {
        return this::complete;
    }

    void complete(OpenAPI api) {
        api.info(new Info().title("Lintas hub API").version("v1").description("""
                Referrals of cases of violence against women and children between regions, the agreements that \
                allow them, and the deliveries that carry them. Region systems call with a bearer token from \
                `POST /oauth2/token` (client credentials, authenticated with `private_key_jwt`); people call with \
                HTTP Basic (or a token of the configured OpenID provider). Every error is an RFC 9457 problem."""));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                                "An access token of the hub (`POST /oauth2/token`, grant `client_credentials`, client"
                                        + " authentication `private_key_jwt`: a client assertion signed with the participant's approved"
                                        + " key) or of the configured external OpenID provider."));
        components.addSecuritySchemes(
                CLIENT_CREDENTIALS,
                new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description(
                                "How a region system gets its bearer token: client credentials with `private_key_jwt`"
                                        + " (`client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`); no client"
                                        + " secret exists.")
                        // The hub's tokens carry no scopes: what a system may do follows from its participant.
                        .flows(new OAuthFlows()
                                .clientCredentials(new OAuthFlow()
                                        .tokenUrl("/oauth2/token")
                                        .scopes(new Scopes()))));
        components.addSecuritySchemes(
                BASIC,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("People's accounts (administrators, signers, auditors, operators)."));
        components.addSchemas(
                "FieldError",
                object().addProperty(
                                "field",
                                string("The field, in the caller's own format (`korban[0].nik`, a CSV column)"))
                        .addProperty("reason", string("Why the value was refused"))
                        .required(List.of("field", "reason")));
        components.addSchemas(
                PROBLEM,
                object().description("RFC 9457 problem details, with the refused fields when input was bad")
                        .addProperty(
                                "type",
                                string("A URI naming the kind of problem (`https://lintas.or.id/problems/...`)"))
                        .addProperty("title", string("A short summary of the kind of problem"))
                        .addProperty(
                                "status",
                                new JsonSchema().types(Set.of("integer")).description("The HTTP status"))
                        .addProperty("detail", string("What went wrong with this request"))
                        .addProperty("instance", string("The request path"))
                        .addProperty(
                                "errors",
                                new JsonSchema()
                                        .types(Set.of("array"))
                                        .items(new JsonSchema().$ref("#/components/schemas/FieldError"))
                                        .description("One entry per refused field")));
        api.security(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(BASIC)));
        if (api.getPaths() != null) {
            SUCCESSES.forEach(success -> success(api, success));
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().values().forEach(operation -> {
                        problems(path, operation);
                        nativeBody(operation);
                    }));
            for (RequestExample example : REQUEST_EXAMPLES) {
                addExample(api, example);
            }
        }
    }

    /** Every error answer is a problem: the operation's own and the common ones. */
    private static void problems(String path, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent(
                    "400", new ApiResponse().description("Bad input: `errors` names each field and the reason"));
            responses.putIfAbsent(
                    "413",
                    new ApiResponse().description("The body is larger than `lintas.security.max-request-bytes`"));
        }
        if (path.contains("{")) {
            responses.putIfAbsent(
                    "404", new ApiResponse().description("No such resource, or one this caller may not see"));
        }
        if (path.startsWith("/api/v1/participants/{participantId}/")) {
            responses.putIfAbsent(
                    "409",
                    new ApiResponse()
                            .description("An older revision of the case, or a status change"
                                    + " the referral's state does not allow"));
            responses.putIfAbsent(
                    "422",
                    new ApiResponse()
                            .description("The message does not translate to a valid canonical"
                                    + " referral: `errors` names each field"));
        }
        COMMON_ERRORS.forEach(
                (status, description) -> responses.putIfAbsent(status, new ApiResponse().description(description)));
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    /**
     * A body the controller takes as bytes is a document in the sender's own format (Kukar's JSON, Prabumulih's
     * XML), not base64 as the generator guesses.
     */
    private static void nativeBody(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        operation.getRequestBody().getContent().values().forEach(media -> {
            if (media.getSchema() != null && "byte".equals(media.getSchema().getFormat())) {
                media.schema(new JsonSchema().description("A document in the sender's own format (docs/adapters.md)"));
            }
        });
    }

    /** Moves the generated 200 answer (with its schema) to the status the operation really gives. */
    private static void success(OpenAPI api, Success success) {
        Operation operation = operation(api, success.method(), success.path());
        ApiResponse generated = operation.getResponses() == null
                ? null
                : operation.getResponses().remove("200");
        ApiResponse response = generated == null ? new ApiResponse() : generated;
        if ("204".equals(success.status())) {
            response.content(null);
        }
        operation.getResponses().addApiResponse(success.status(), response.description(success.description()));
    }

    private static Operation operation(OpenAPI api, PathItem.HttpMethod method, String path) {
        PathItem item = api.getPaths().get(path);
        Operation operation = item == null ? null : item.readOperationsMap().get(method);
        if (operation == null) {
            throw new IllegalStateException("the document has no " + method + " " + path);
        }
        if (operation.getResponses() == null) {
            operation.responses(new ApiResponses());
        }
        return operation;
    }

    private void addExample(OpenAPI api, RequestExample example) {
        Operation operation = operation(api, example.method(), example.path());
        if (operation.getRequestBody() == null) {
            throw new IllegalStateException(
                    "no request body of " + example.method() + " " + example.path() + " for example " + example.file());
        }
        Content content = operation.getRequestBody().getContent();
        if (content == null) {
            content = new Content();
            operation.getRequestBody().content(content);
        }
        MediaType media = content.computeIfAbsent(example.mediaType(), type -> new MediaType());
        media.addExamples(
                example.file().replace('/', '-'),
                new Example().summary("docs/examples/" + example.file()).value(read(example.file())));
    }

    /** A JSON example as JSON (so it shows as the document it is), any other as its text. */
    private Object read(String file) {
        try (InputStream in = ApiDocumentation.class.getClassLoader().getResourceAsStream(EXAMPLES + file)) {
            if (in == null) {
                throw new IllegalStateException("example " + EXAMPLES + file + " is not on the classpath");
            }
            byte[] bytes = in.readAllBytes();
            return file.endsWith(".json") ? json.readTree(bytes) : new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema<Object> object() {
        return new JsonSchema().types(Set.of("object"));
    }

    private static Schema<Object> string(String description) {
        return new JsonSchema().types(Set.of("string")).description(description);
    }
}
