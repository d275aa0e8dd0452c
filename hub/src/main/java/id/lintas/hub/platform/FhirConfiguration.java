package id.lintas.hub.platform;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.CompactJson;
import id.lintas.contracts.validation.CanonicalValidator;
import id.lintas.contracts.validation.ReferralCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One FHIR context and one HAPI validator for the whole hub: both are expensive to build. The
 * validator is off the hot path (ADR 0011); intake uses the cheap {@link ReferralCheck}.
 */
@Configuration(proxyBeanMethods = false)
public class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return configure(FhirContext.forR4Cached());
    }

    /**
     * The hub's parser options. Automatic containment is off: every reference in the Bundles the hub
     * writes and renders points at an entry by its fullUrl, so HAPI's containment pass, which walks every
     * resource on every encoding (ADR 0013: 4% of the hub's samples), never contains anything
     * ({@code CanonicalGoldenTest} holds byte for byte under these options).
     */
    public static FhirContext configure(FhirContext fhir) {
        fhir.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        return fhir;
    }

    /** The canonical Bundle's JSON at intake, as HAPI writes it, without HAPI's per-call set-up (ADR 0015). */
    @Bean
    CompactJson compactJson(FhirContext fhir) {
        return new CompactJson(fhir);
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
