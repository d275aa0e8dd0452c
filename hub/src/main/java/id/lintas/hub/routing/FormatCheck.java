package id.lintas.hub.routing;

import id.lintas.contracts.model.Referral;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.hub.agreement.Clause;
import id.lintas.hub.agreement.Finding;
import id.lintas.hub.agreement.Grant;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders what each receiver is granted in its own format before anything is stored or sent. A
 * receiver whose format cannot carry the referral (a field it requires that the case lacks, or has
 * only to the month) is not routed to: the sender learns the field at intake, as a finding of clause
 * {@link Clause#FORMAT}, rather than from a delivery that fails later. The hub never invents the
 * missing data. Thread-safe.
 */
final class FormatCheck {

    /** The referral id rendered in the check; the real one is given at delivery. */
    private static final String PREVIEW_ID = "00000000-0000-0000-0000-000000000000";

    private final Function<String, Connected> receivers;

    FormatCheck(Function<String, Connected> receivers) {
        this.receivers = receivers;
    }

    RoutingDecision check(Participant sender, Referral referral, RoutingDecision decision) {
        if (!decision.isRouted()) {
            return decision;
        }
        List<Grant> carried = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(decision.findings());
        for (Grant grant : decision.grants()) {
            Connected receiver = receivers.apply(grant.receiver());
            try {
                ReceiverCopy.render(PREVIEW_ID, sender, referral, grant.data(), grant.services(), receiver);
                carried.add(grant);
            } catch (TranslationException e) {
                findings.add(new Finding(
                        grant.receiver(),
                        grant.agreementId(),
                        grant.agreementVersion(),
                        Clause.FORMAT,
                        grant.receiver() + "'s format (" + receiver.adapter().format()
                                + ") cannot carry this referral: "
                                + e.errors().stream().map(FieldError::toString).collect(Collectors.joining("; "))));
            }
        }
        return new RoutingDecision(decision.target(), carried, findings);
    }
}
