package id.lintas.hub.platform;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.validation.CanonicalValidator;
import id.lintas.contracts.validation.ReferralCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One FHIR context and one HAPI validator for the whole hub: both are expensive to build. The
 * validator is off the hot path (ADR 0011); intake uses the cheap {@link ReferralCheck}.
 */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    ReferralCheck referralCheck() {
        return new ReferralCheck();
    }

    /** Warmed up by its one user, the sampled full validation, on its own thread (not at start-up). */
    @Bean
    CanonicalValidator canonicalValidator() {
        return new CanonicalValidator();
    }
}
