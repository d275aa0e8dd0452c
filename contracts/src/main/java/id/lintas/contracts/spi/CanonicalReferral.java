package id.lintas.contracts.spi;

import id.lintas.contracts.model.Referral;
import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A referral in the canonical model, as an adapter hands it to the hub.
 *
 * @param sourceReference the sender's own case number ({@code no_registrasi}); with the revision it
 *     identifies a resend of the same message
 * @param revision the sender's revision of the case, 1 when it sends none
 * @param bundle the canonical Bundle (see docs/canonical-model.md), the stored and exchanged form
 * @param model the typed referral the Bundle was written from by {@code CanonicalWriter}: the hub
 *     reads routing facts, victims and minimisation from it instead of reading the Bundle again
 */
public record CanonicalReferral(String sourceReference, int revision, Bundle bundle, Referral model)
        implements InboundMessage {
    public CanonicalReferral {
        Objects.requireNonNull(sourceReference, "sourceReference");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(model, "model");
    }
}
