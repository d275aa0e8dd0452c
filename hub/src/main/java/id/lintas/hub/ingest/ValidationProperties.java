package id.lintas.hub.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param fullSampleRate the share of accepted referrals (0 to 1) that HAPI's full validation checks
 *     again off the hot path, as a safety net behind the cheap check (ADR 0011); 0 turns it off
 */
@ConfigurationProperties("lintas.validation")
public record ValidationProperties(Double fullSampleRate) {
    public ValidationProperties {
        fullSampleRate = fullSampleRate == null ? 0.001 : fullSampleRate;
        if (fullSampleRate < 0 || fullSampleRate > 1) {
            throw new IllegalArgumentException("lintas.validation.full-sample-rate must be between 0 and 1");
        }
    }
}
