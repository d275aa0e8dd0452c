package id.lintas.contracts.canonical;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/** Small, stateless helpers to build and navigate a canonical Bundle by its urn:uuid references. */
public final class Bundles {

    private Bundles() {}

    /** Adds a resource with a fresh urn:uuid fullUrl and returns a reference to it. */
    public static Reference add(Bundle bundle, Resource resource) {
        String fullUrl = "urn:uuid:" + UUID.randomUUID();
        resource.setId(fullUrl);
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        return new Reference(fullUrl);
    }

    public static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    public static <T extends Resource> Optional<T> first(Bundle bundle, Class<T> type) {
        return all(bundle, type).stream().findFirst();
    }

    /** The referral Task; every canonical referral has exactly one. */
    public static Task task(Bundle bundle) {
        return first(bundle, Task.class)
                .orElseThrow(() -> new IllegalArgumentException("canonical bundle has no Task"));
    }

    /** Resolves a urn:uuid reference inside the bundle. */
    public static <T extends Resource> Optional<T> resolve(Bundle bundle, Reference reference, Class<T> type) {
        if (reference == null || !reference.hasReference()) {
            return Optional.empty();
        }
        String target = reference.getReference();
        return bundle.getEntry().stream()
                .filter(e -> target.equals(e.getFullUrl()))
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst();
    }

    /** The fullUrl of a resource in the bundle, to compare with references. */
    public static String fullUrl(Bundle bundle, Resource resource) {
        return bundle.getEntry().stream()
                .filter(e -> e.getResource() == resource)
                .map(Bundle.BundleEntryComponent::getFullUrl)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("resource is not in the bundle"));
    }
}
