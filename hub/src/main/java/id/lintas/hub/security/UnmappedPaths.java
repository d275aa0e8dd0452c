package id.lintas.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The last rule of the API: a request that no rule before admitted is refused if a controller or an
 * endpoint would run for it, and let through when none would, so that an unknown path answers
 * {@code 404} (and a known path with the wrong method {@code 405}) instead of {@code 403}. Nothing
 * runs for such a request but Spring MVC's own error answer: an endpoint without a rule stays refused.
 */
final class UnmappedPaths implements AuthorizationManager<RequestAuthorizationContext> {

    private final HandlerMappingIntrospector introspector;

    UnmappedPaths(HandlerMappingIntrospector introspector) {
        this.introspector = introspector;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(!handled(context.getRequest()));
    }

    /** True when a controller or an endpoint (not the static resources' handler) would handle the request. */
    boolean handled(HttpServletRequest request) {
        // The mappings write their matches into the request's attributes: give them a copy.
        HttpServletRequest probe = new AttributesCopy(request);
        ServletRequestPathUtils.parseAndCache(probe);
        for (HandlerMapping mapping : introspector.getHandlerMappings()) {
            HandlerExecutionChain chain;
            try {
                chain = mapping.getHandler(probe);
            } catch (Exception noMatch) {
                // A path known with another method or media type: MVC answers 405 or 415 without running it.
                return false;
            }
            if (chain != null) {
                return !(chain.getHandler() instanceof ResourceHttpRequestHandler);
            }
        }
        return false;
    }

    private static final class AttributesCopy extends HttpServletRequestWrapper {
        private final Map<String, Object> attributes = new HashMap<>();

        AttributesCopy(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, null);
        }
    }
}
