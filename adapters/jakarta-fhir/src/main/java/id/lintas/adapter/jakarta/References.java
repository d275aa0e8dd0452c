package id.lintas.adapter.jakarta;

import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Resolves references inside a message Bundle: by fullUrl ({@code urn:uuid:...}) or by {@code Type/id}. */
final class References {

    private References() {}

    static <T extends Resource> Optional<T> resolve(Bundle bundle, Reference reference, Class<T> type) {
        if (reference == null || !reference.hasReference()) {
            return Optional.empty();
        }
        String target = reference.getReference();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (!type.isInstance(resource)) {
                continue;
            }
            boolean byFullUrl = entry.hasFullUrl()
                    && (target.equals(entry.getFullUrl()) || entry.getFullUrl().endsWith("/" + target));
            boolean byId = resource.hasIdElement()
                    && resource.getIdElement().hasIdPart()
                    && target.equals(
                            resource.fhirType() + "/" + resource.getIdElement().getIdPart());
            if (byFullUrl || byId) {
                return Optional.of(type.cast(resource));
            }
        }
        return Optional.empty();
    }
}
