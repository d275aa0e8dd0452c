package id.lintas.hub.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket (Bucket4j) per caller: each participant's system and each account may make
 * {@code perMinute} requests a minute, refilled gradually; callers not (yet) authenticated share a
 * bucket per remote address, which also slows password guessing. Beyond it the hub answers 429 with
 * {@code Retry-After}, and logs the caller on {@code lintas.security}. Zero turns it off.
 */
final class RateLimits extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("lintas.security");
    /** Remote addresses are not under our control: cap how many buckets they can make us keep. */
    private static final int MAX_BUCKETS = 10_000;

    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (perMinute <= 0) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        if (buckets.size() >= MAX_BUCKETS && !buckets.containsKey(key)) {
            buckets.clear();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()));
        log.warn(
                "event=rate-limited method={} path=\"{}\" caller={}",
                request.getMethod(),
                request.getRequestURI(),
                key);
        response.setHeader("Retry-After", Long.toString(seconds));
        id.lintas.hub.platform.ErrorBodies.write(
                request,
                response,
                429,
                "rate-limited",
                "Too many requests",
                "More than " + perMinute + " requests a minute; retry after " + seconds + " s.",
                java.util.List.of());
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    private static String key(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "caller:" + authentication.getName();
        }
        return "address:" + request.getRemoteAddr();
    }
}
