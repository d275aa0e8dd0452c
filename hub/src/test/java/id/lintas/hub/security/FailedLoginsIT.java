package id.lintas.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.hub.HubIntegrationTest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Failed authentications are throttled per account, per client and per address, before the password
 * hash or the signature is checked (the "check" below counts how often it is reached), with a lockout
 * that doubles, shared by every hub instance through PostgreSQL. Time is a clock the test moves.
 */
class FailedLoginsIT extends HubIntegrationTest {

    private final MovingClock clock = new MovingClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    private final AtomicInteger checks = new AtomicInteger();

    private FailedLogins instance(int failures, int addressFailures) {
        return new FailedLogins(new LoginFailures(
                jdbc, new SecurityProperties.Lockout(failures, addressFailures, Duration.ofMinutes(15)), clock));
    }

    /** A request through the filter; the credentials check behind it answers {@code checkAnswers}. */
    private MockHttpServletResponse call(FailedLogins filter, MockHttpServletRequest request, int checkAnswers)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            checks.incrementAndGet();
            ((HttpServletResponse) res).setStatus(checkAnswers);
        });
        return response;
    }

    private static MockHttpServletRequest basic(String address, String account, String password) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/agreements");
        request.setRemoteAddr(address);
        request.addHeader(
                HttpHeaders.AUTHORIZATION,
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((account + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return request;
    }

    private static String address() {
        return "10.13." + (System.nanoTime() % 250) + "." + (System.nanoTime() / 7 % 250);
    }

    @Test
    void wrongPasswordsLockTheAccountBeforeThePasswordIsChecked() throws Exception {
        FailedLogins filter = instance(3, 1000);
        String account = "it-guessed-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertThat(call(filter, basic(address(), account, "guess-" + i), 401)
                            .getStatus())
                    .isEqualTo(401);
        }
        assertThat(checks).hasValue(3);

        MockHttpServletResponse locked = call(filter, basic(address(), account, "the-right-one"), 200);
        assertThat(locked.getStatus()).isEqualTo(429);
        assertThat(locked.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(locked.getContentAsString()).contains("too-many-failures");
        assertThat(checks).as("the password was not checked while locked").hasValue(3);

        clock.advance(Duration.ofSeconds(2));
        assertThat(call(filter, basic(address(), account, "the-right-one"), 200).getStatus())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from login_failure where key = ?")
                        .param("account:" + account)
                        .query(Integer.class)
                        .single())
                .as("a success clears the account's failures")
                .isZero();
    }

    @Test
    void theLockoutDoublesWithEachFurtherFailure() throws Exception {
        FailedLogins filter = instance(2, 1000);
        String account = "it-doubling-" + System.nanoTime();
        call(filter, basic(address(), account, "a"), 401);
        call(filter, basic(address(), account, "b"), 401);
        for (String expected : new String[] {"1", "2", "4", "8"}) {
            assertThat(call(filter, basic(address(), account, "c"), 401).getHeader(HttpHeaders.RETRY_AFTER))
                    .isEqualTo(expected);
            clock.advance(Duration.ofSeconds(Long.parseLong(expected)));
            call(filter, basic(address(), account, "c"), 401);
        }
    }

    @Test
    void failuresFromOneAddressAreThrottledOnEveryInstance() throws Exception {
        FailedLogins one = instance(1000, 3);
        FailedLogins another = instance(1000, 3);
        String address = address();
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest invalidToken = new MockHttpServletRequest("GET", "/api/v1/referrals");
            invalidToken.setRemoteAddr(address);
            invalidToken.addHeader(HttpHeaders.AUTHORIZATION, "Bearer not-a-token-" + i);
            call(one, invalidToken, 401);
        }
        MockHttpServletRequest assertion = new MockHttpServletRequest("POST", "/oauth2/token");
        assertion.setRemoteAddr(address);
        assertion.addParameter("client_id", "kukar");
        assertion.addParameter("client_assertion", "x.y.z");
        assertThat(call(another, assertion, 401).getStatus()).isEqualTo(429);
        assertThat(call(another, basic(address(), "it-elsewhere-" + System.nanoTime(), "x"), 401)
                        .getStatus())
                .as("another address is not slowed")
                .isEqualTo(401);
        assertThat(checks).hasValue(4);
    }

    @Test
    void invalidAssertionsLockTheirClient() throws Exception {
        FailedLogins filter = instance(2, 1000);
        String client = "it-client-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest assertion = new MockHttpServletRequest("POST", "/oauth2/token");
            assertion.setRemoteAddr(address());
            assertion.addParameter("client_id", client);
            assertion.addParameter("client_assertion", "x.y." + i);
            call(filter, assertion, 401);
        }
        assertThat(checks).as("the third assertion's signature was not checked").hasValue(2);
    }

    @Test
    void wrongPasswordsOverHttpDrawA429WithRetryAfter() throws Exception {
        int threshold = context.getBean(SecurityProperties.class).lockout().failures();
        String account = "it-http-guess-" + System.nanoTime();
        // Java's client, which does not retry by itself (the test template's Apache client honours Retry-After).
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest wrong = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/agreements"))
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((account + ":wrong").getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build();
        for (int i = 0; i < threshold; i++) {
            assertThat(client.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> throttled = client.send(wrong, HttpResponse.BodyHandlers.ofString());
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue(HttpHeaders.RETRY_AFTER)).isPresent();
    }

    private static MockHttpServletRequest bearer(String address, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/referrals");
        request.setRemoteAddr(address);
        request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        return request;
    }

    @Test
    void anotherInstancesLockIsEnforcedWithinAQuietKeysTime() throws Exception {
        FailedLogins here = instance(1000, 3);
        FailedLogins elsewhere = instance(1000, 3);
        String address = address();
        assertThat(call(here, bearer(address, "a-good-token"), 200).getStatus())
                .as("the address has no failures: remembered as quiet here")
                .isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            call(elsewhere, bearer(address, "not-a-token-" + i), 401);
        }
        assertThat(call(elsewhere, bearer(address, "a-good-token"), 200).getStatus())
                .isEqualTo(429);
        // Longer than the one second of a first lock, so it outlasts the quiet time below.
        jdbc.sql("update login_failure set locked_until = ? where key = ?")
                .params(
                        java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(10))),
                        LoginFailures.ADDRESS + address)
                .update();

        assertThat(call(here, bearer(address, "a-good-token"), 200).getStatus())
                .as("within the quiet time this instance has not asked again")
                .isEqualTo(200);
        clock.advance(LoginFailures.QUIET_FOR);
        assertThat(call(here, bearer(address, "a-good-token"), 200).getStatus())
                .as("once the quiet time is over the lock is enforced here too")
                .isEqualTo(429);
    }

    @Test
    void aFailureCountedHereEndsItsKeysQuietTimeAtOnce() throws Exception {
        FailedLogins filter = instance(1000, 2);
        String address = address();
        assertThat(call(filter, bearer(address, "a-good-token"), 200).getStatus())
                .isEqualTo(200);
        call(filter, bearer(address, "not-a-token-1"), 401);
        call(filter, bearer(address, "not-a-token-2"), 401);
        MockHttpServletResponse locked = call(filter, bearer(address, "a-good-token"), 200);
        assertThat(locked.getStatus())
                .as("no clock moved: the quiet look was forgotten")
                .isEqualTo(429);
        assertThat(checks).hasValue(3);
    }

    @Test
    void keysOfManyAddressesAreForgottenPastTheLimitAndAskedAboutAgain() throws Exception {
        LoginFailures failures =
                new LoginFailures(jdbc, new SecurityProperties.Lockout(1000, 2, Duration.ofMinutes(15)), clock);
        FailedLogins here = new FailedLogins(failures);
        FailedLogins elsewhere = instance(1000, 2);
        String watched = address();
        call(here, bearer(watched, "a-good-token"), 200);
        call(elsewhere, bearer(watched, "not-a-token-1"), 401);
        call(elsewhere, bearer(watched, "not-a-token-2"), 401);
        for (int i = 0; i < LoginFailures.QUIET_KEYS; i++) {
            failures.states(java.util.List.of(LoginFailures.ADDRESS + "10.99." + (i / 250) + "." + (i % 250)));
        }
        assertThat(call(here, bearer(watched, "a-good-token"), 200).getStatus())
                .as("the quiet keys were all forgotten: the address was asked about again")
                .isEqualTo(429);
    }
}
