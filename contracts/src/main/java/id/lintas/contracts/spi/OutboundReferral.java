package id.lintas.contracts.spi;

import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A referral on its way to a receiver.
 *
 * @param hubReferralId the hub's referral id, which the receiver uses in its status updates
 * @param sender the participant that sent it
 * @param bundle the canonical Bundle to render; the hub is to reduce it to what the receiver may see
 *     under its agreement before calling the adapter: fields the receiver may not see are absent
 */
public record OutboundReferral(String hubReferralId, Participant sender, Bundle bundle) {
    public OutboundReferral {
        Objects.requireNonNull(hubReferralId, "hubReferralId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(bundle, "bundle");
    }
}
