package id.lintas.hub.routing;

import id.lintas.contracts.model.Party;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.hub.agreement.DataCategory;
import id.lintas.hub.agreement.DataMinimiser;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import java.util.Collection;

/**
 * A receiver's copy of a referral: only what its grant gives it (data categories and services), the
 * receiver as the Task's owner, rendered in the receiver's format. The intake check ({@link FormatCheck})
 * and the delivery build it with this one function, so what was checked is what is sent.
 */
public final class ReceiverCopy {

    private ReceiverCopy() {}

    /**
     * @param referralId the hub's referral id the receiver is given
     * @param referral the canonical referral as its typed model (immutable), read once per referral
     * @throws TranslationException the receiver's format cannot carry the granted copy
     */
    public static OutboundDocument render(
            String referralId,
            Participant sender,
            Referral referral,
            Collection<DataCategory> data,
            Collection<String> services,
            Connected receiver)
            throws TranslationException {
        Referral granted =
                DataMinimiser.reduce(referral, data, services).withDestination(Party.of(receiver.participant()));
        return receiver.adapter()
                .renderReferral(new OutboundReferral(referralId, sender, granted), receiver.participant());
    }
}
