package id.lintas.contracts.spi;

import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A referral in the canonical model.
 *
 * @param sourceReference the sender's own case number ({@code no_registrasi}); with the revision it
 *     identifies a resend of the same message
 * @param revision the sender's revision of the case, 1 when it sends none
 * @param bundle the canonical Bundle (see docs/canonical-model.md)
 */
public record CanonicalReferral(String sourceReference, int revision, Bundle bundle) implements InboundMessage {
    public CanonicalReferral {
        Objects.requireNonNull(sourceReference, "sourceReference");
        Objects.requireNonNull(bundle, "bundle");
    }
}
