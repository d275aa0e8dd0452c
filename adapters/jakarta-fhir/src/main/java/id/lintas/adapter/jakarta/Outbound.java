package id.lintas.adapter.jakarta;

import id.lintas.contracts.model.Referral;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import org.hl7.fhir.r4.model.Reference;

/**
 * One referral being written for Jakarta: the typed referral, the hub's id and sender, the receiver,
 * the transaction and the errors found so far.
 */
record Outbound(
        Referral referral, OutboundReferral outbound, Participant receiver, Transaction transaction, Errors errors) {

    Outbound(Referral referral, OutboundReferral outbound, Participant receiver) {
        this(referral, outbound, receiver, new Transaction(outbound.hubReferralId()), new Errors());
    }

    /** The fullUrl of the i-th victim's Patient. */
    String victimUrl(int victim) {
        return transaction.url("Patient/" + victim);
    }

    Reference victim(int victim) {
        return new Reference(victimUrl(victim));
    }
}
