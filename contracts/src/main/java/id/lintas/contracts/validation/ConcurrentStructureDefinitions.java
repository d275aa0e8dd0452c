package id.lintas.contracts.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupportWrapper;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI 8's {@code ValidationSupportChain} answers every StructureDefinition lookup inside one
 * {@code synchronized} block, cache hits included, and the validator looks one up for nearly every
 * element: at 16 concurrent validations that lock was a convoy (issue 17). No cache setting of the
 * chain removes it, so this wrapper answers lookups from a {@link ConcurrentHashMap} in front of it:
 * the chain is asked once a URL, then never again. The definitions never change while the validator
 * lives (HAPI's own non-expiring cache assumes the same); an unknown URL is remembered as unknown.
 */
final class ConcurrentStructureDefinitions extends BaseValidationSupportWrapper {

    private final Map<String, Optional<IBaseResource>> byUrl = new ConcurrentHashMap<>();

    ConcurrentStructureDefinitions(FhirContext fhir, IValidationSupport chain) {
        super(fhir, chain);
    }

    @Override
    public IBaseResource fetchStructureDefinition(String url) {
        if (url == null) {
            return super.fetchStructureDefinition(null);
        }
        Optional<IBaseResource> known = byUrl.get(url);
        if (known == null) {
            // Not computeIfAbsent: generating a snapshot looks up the base definitions through here again.
            known = Optional.ofNullable(super.fetchStructureDefinition(url));
            Optional<IBaseResource> first = byUrl.putIfAbsent(url, known);
            known = first != null ? first : known;
        }
        return known.orElse(null);
    }

    @Override
    public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
        if (type != null && url != null && "StructureDefinition".equals(type.getSimpleName())) {
            return type.cast(fetchStructureDefinition(url));
        }
        return super.fetchResource(type, url);
    }

    @Override
    public String getName() {
        return "Lintas concurrent StructureDefinitions";
    }
}
