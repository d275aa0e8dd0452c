package id.lintas.hub.platform;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.validation.CanonicalValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One FHIR context and one validator for the whole hub: both are expensive to build. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    CanonicalValidator canonicalValidator() {
        CanonicalValidator validator = new CanonicalValidator();
        validator.warmUp();
        return validator;
    }
}
