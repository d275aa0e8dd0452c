package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** One referral being written for Jakarta: the canonical Bundle, the receiver, the transaction and the errors found so far. */
record Outbound(OutboundReferral referral, Participant receiver, Transaction transaction, Errors errors,
        Map<String, String> urls) {

    /** Every canonical entry gets its rendered urn:uuid first, so references can be set in any order. */
    Outbound(OutboundReferral referral, Participant receiver) {
        this(referral, receiver, new Transaction(referral.hubReferralId()), new Errors(), new HashMap<>());
        for (Bundle.BundleEntryComponent entry : referral.bundle().getEntry()) {
            if (entry.hasFullUrl()) {
                urls.put(entry.getFullUrl(), transaction.url(entry.getFullUrl()));
            }
        }
    }

    Bundle in() {
        return referral.bundle();
    }

    /** The rendered reference for a canonical one, or null when it points at nothing rendered. */
    Reference ref(Reference canonical) {
        if (canonical == null || !canonical.hasReference()) {
            return null;
        }
        String url = urls.get(canonical.getReference());
        return url == null ? null : new Reference(url);
    }

    /** The rendered fullUrl of a canonical entry's resource. */
    String url(Resource canonical) {
        return urls.get(Bundles.fullUrl(in(), canonical));
    }
}
