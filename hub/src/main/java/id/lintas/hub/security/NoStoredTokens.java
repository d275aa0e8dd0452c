package id.lintas.hub.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no issued token: the hub's tokens are self-contained JWTs that the API checks by signature,
 * issuer and expiry, and nothing reads them back (the introspection and revocation endpoints are off).
 * Each issue is a line on the security log, with the participant and the expiry, never the token.
 */
final class NoStoredTokens implements OAuth2AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger("lintas.security");

    @Override
    public void save(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2AccessToken> token = authorization.getAccessToken();
        log.info(
                "event=token-issued participant={} expires={}",
                authorization.getRegisteredClientId(),
                token == null ? "none" : token.getToken().getExpiresAt());
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        // Nothing kept, nothing to remove.
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return null;
    }
}
