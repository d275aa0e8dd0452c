package id.lintas.contracts.spi;

import id.lintas.contracts.model.Referral;
import java.util.Objects;

/**
 * A referral on its way to a receiver, as the typed model: the hub reads the stored Bundle once and
 * hands the receiver's copy to the adapter as it is, so no renderer reads the Bundle again.
 *
 * @param hubReferralId the hub's referral id, which the receiver uses in its status updates
 * @param sender the participant that sent it
 * @param referral the referral to render; the hub is to reduce it to what the receiver may see under
 *     its agreement before calling the adapter: fields the receiver may not see are absent
 */
public record OutboundReferral(String hubReferralId, Participant sender, Referral referral) {
    public OutboundReferral {
        Objects.requireNonNull(hubReferralId, "hubReferralId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(referral, "referral");
    }
}
