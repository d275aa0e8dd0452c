package id.lintas.hub.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.camel.CamelContext;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the whole pipeline can take a message (the application is ready, Camel's routes run), and
 * again while the hub shuts down, every intake answers 503 with {@code Retry-After}: problem details
 * on the regions' API, an OperationOutcome on FHIR. The port opens before the routes start; without
 * this a message sent in that second got a 500 and was not kept.
 */
@Configuration(proxyBeanMethods = false)
class IntakeReadiness {

    /** Seconds a caller is asked to wait before it sends again. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> intakeReadinessFilter(
            ApplicationAvailability availability, CamelContext camel) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Gate(availability, camel));
        // Right after the body limit and before security: a starting hub spends nothing on a message it cannot take.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/api/v1/participants/*", "/fhir/*");
        return registration;
    }

    static final class Gate extends OncePerRequestFilter {

        private final ApplicationAvailability availability;
        private final CamelContext camel;

        Gate(ApplicationAvailability availability, CamelContext camel) {
            this.availability = availability;
            this.camel = camel;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            boolean intake = "POST".equals(request.getMethod())
                    && (path.equals("/fhir/$process-message")
                            || (path.startsWith("/api/v1/participants/")
                                    && (path.endsWith("/referrals") || path.endsWith("/status"))));
            return !intake;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC && camel.isStarted()) {
                chain.doFilter(request, response);
                return;
            }
            unavailable(
                    request,
                    response,
                    "The hub is starting or stopping and cannot take messages now; nothing was kept."
                            + " Send again in " + RETRY_AFTER_SECONDS + " seconds.");
        }
    }

    /** The answer of an intake that cannot take a message now. */
    static void unavailable(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String text = detail.replace("\\", "\\\\").replace("\"", "\\\"");
        if (request.getRequestURI().contains("/fhir/")) {
            response.setContentType("application/fhir+json");
            response.getWriter()
                    .write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                            + "\"code\":\"transient\",\"diagnostics\":\"" + text + "\"}]}");
        } else {
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"https://lintas.or.id/problems/unavailable\",\"title\":\"Service unavailable\","
                            + "\"status\":503,\"detail\":\"" + text + "\"}");
        }
    }
}
