package id.lintas.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The rate limit per caller and the body size limit, on the filters themselves. */
class RequestLimitsTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static void as(String name) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        name, null, List.of(new SimpleGrantedAuthority(Role.PARTICIPANT.authority()))));
    }

    private static MockHttpServletResponse call(RateLimits limits) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        limits.doFilter(
                new MockHttpServletRequest("POST", "/api/v1/participants/kukar/referrals"),
                response,
                new MockFilterChain());
        return response;
    }

    @Test
    void eachCallerHasItsOwnBucketAndIsToldWhenToRetry() throws Exception {
        RateLimits limits = new RateLimits(3);
        as("kukar");
        for (int i = 0; i < 3; i++) {
            assertThat(call(limits).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call(limits);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentAsString()).contains("rate-limited");

        as("ppu");
        assertThat(call(limits).getStatus())
                .as("another participant is not slowed by kukar")
                .isEqualTo(200);
    }

    @Test
    void zeroTurnsTheLimitOff() throws Exception {
        RateLimits off = new RateLimits(0);
        as("kukar");
        for (int i = 0; i < 50; i++) {
            assertThat(call(off).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedUnread() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/participants/kukar/referrals");
        request.setContent(new byte[101]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new BodySizeLimit(100).doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).as("the application never saw it").isNull();
    }

    @Test
    void aChunkedBodyFailsWhenItGrowsPastTheLimit() throws Exception {
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/v1/participants/kukar/referrals") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        chunked.setContent(new byte[500]);
        MockFilterChain chain = new MockFilterChain();
        new BodySizeLimit(100).doFilter(chunked, new MockHttpServletResponse(), chain);

        assertThatThrownBy(() -> chain.getRequest().getInputStream().readAllBytes())
                .isInstanceOf(BodySizeLimit.TooLargeException.class);
        MockHttpServletRequest small = new MockHttpServletRequest("POST", "/x");
        small.setContent(new byte[100]);
        MockFilterChain fine = new MockFilterChain();
        new BodySizeLimit(100).doFilter(small, new MockHttpServletResponse(), fine);
        assertThat(fine.getRequest().getInputStream().readAllBytes()).hasSize(100);
    }
}
