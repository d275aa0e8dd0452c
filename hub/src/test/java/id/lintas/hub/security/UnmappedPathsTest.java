package id.lintas.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * The API's last rule: an endpoint that no rule admits stays refused (the safety of the former
 * {@code denyAll}); only a request no controller would run for goes on, to MVC's 404 or 405.
 */
class UnmappedPathsTest {

    /**
     * An endpoint no rule names. Not a {@code @Configuration} or {@code @Controller}: hubs that tests start
     * without Spring's test filter scan the test classes too, and must not pick it up.
     */
    @EnableWebMvc
    static class Web implements WebMvcConfigurer {
        @Bean
        RouterFunction<ServerResponse> unruled() {
            return RouterFunctions.route()
                    .GET(
                            "/api/v1/without-a-rule/{id}",
                            request -> ServerResponse.ok().body("reached"))
                    .build();
        }

        @Override
        public void addResourceHandlers(ResourceHandlerRegistry registry) {
            registry.addResourceHandler("/**").addResourceLocations("classpath:/static/");
        }
    }

    private AnnotationConfigWebApplicationContext web;
    private UnmappedPaths rule;

    @BeforeEach
    void start() {
        web = new AnnotationConfigWebApplicationContext();
        web.setServletContext(new MockServletContext());
        web.register(Web.class);
        web.refresh();
        rule = new UnmappedPaths(web.getBean(HandlerMappingIntrospector.class));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private boolean granted(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        return rule.check(() -> null, new RequestAuthorizationContext(request)).isGranted();
    }

    @Test
    void anEndpointWithoutARuleStaysRefused() {
        assertThat(granted("GET", "/api/v1/without-a-rule/1")).isFalse();
    }

    @Test
    void unknownPathsAndOtherMethodsGoOnToMvcsAnswer() {
        assertThat(granted("GET", "/api/v1/nothing-here")).isTrue();
        assertThat(granted("GET", "/fhir/Patient/1")).isTrue();
        assertThat(granted("DELETE", "/api/v1/without-a-rule/1"))
                .as("another method: nothing runs for it")
                .isTrue();
    }

    @Test
    void leavesTheRequestAsItWas() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/without-a-rule/1");
        rule.check(() -> null, new RequestAuthorizationContext(request));
        assertThat(request.getAttributeNames().hasMoreElements())
                .as("no attribute of the probe is left behind")
                .isFalse();
    }
}
