package id.lintas.adapter.jakarta;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * The {@code transaction} Bundle being written for Jakarta's FHIR server: POST entries with a stable
 * {@code urn:uuid} per hub referral and key, so a repeated delivery names the same resources.
 */
final class Transaction {

    private final String hubReferralId;
    private final Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);

    Transaction(String hubReferralId) {
        this.hubReferralId = hubReferralId;
    }

    /** The fullUrl for a key: the same for the same hub referral and key on every delivery. */
    String url(String key) {
        return "urn:uuid:"
                + UUID.nameUUIDFromBytes(
                        ("lintas-referral:" + hubReferralId + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    Bundle.BundleEntryComponent post(String url, Resource resource) {
        Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(url).setResource(resource);
        entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
        return entry;
    }

    Bundle bundle() {
        return bundle;
    }
}
