package id.lintas.hub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param scrapeToken a bearer token that opens {@code /actuator/prometheus} (and nothing else) to a
 *     Prometheus server, besides operators' accounts; null means only operators scrape. At least 32
 *     characters: it is a password that never expires
 */
@ConfigurationProperties("lintas.metrics")
public record MetricsProperties(String scrapeToken) {

    static final int MIN_TOKEN_LENGTH = 32;

    public MetricsProperties {
        if (scrapeToken != null && scrapeToken.isBlank()) {
            scrapeToken = null;
        }
        if (scrapeToken != null && scrapeToken.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("lintas.metrics.scrape-token: " + scrapeToken.length()
                    + " characters, shorter than " + MIN_TOKEN_LENGTH + "; generate one with `openssl rand -hex 32`");
        }
    }
}
