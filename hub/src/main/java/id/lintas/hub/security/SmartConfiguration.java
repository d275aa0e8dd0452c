package id.lintas.hub.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /.well-known/smart-configuration}: how a region's system obtains a token, in the form of
 * SMART App Launch's discovery document, for the Backend Services pattern only (client credentials,
 * {@code private_key_jwt}); the hub offers no user-facing authorization endpoint.
 */
@RestController
class SmartConfiguration {

    private final AuthorizationServerSettings settings;

    SmartConfiguration(AuthorizationServerSettings settings) {
        this.settings = settings;
    }

    @GetMapping(value = "/.well-known/smart-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> configuration() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", settings.getIssuer());
        document.put("token_endpoint", settings.getIssuer() + settings.getTokenEndpoint());
        document.put("grant_types_supported", List.of("client_credentials"));
        document.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        document.put(
                "token_endpoint_auth_signing_alg_values_supported",
                ClientAssertionKeys.ALGORITHMS.stream()
                        .map(Object::toString)
                        .sorted()
                        .toList());
        document.put("capabilities", List.of("client-confidential-asymmetric"));
        return document;
    }
}
