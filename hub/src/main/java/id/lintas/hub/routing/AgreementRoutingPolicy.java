package id.lintas.hub.routing;

import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.hub.agreement.AgreementRegistry;
import id.lintas.hub.agreement.AgreementSet;
import id.lintas.hub.agreement.CaseProfile;
import id.lintas.hub.agreement.CompiledAgreement;
import id.lintas.hub.participant.ParticipantDirectory;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * Routing under the registered, signed agreements in force (see {@link Router}), then the
 * {@link FormatCheck} that each receiver's format can carry what it is granted.
 */
@Component
public class AgreementRoutingPolicy implements RoutingPolicy {

    private final AgreementRegistry agreements;
    private final ParticipantDirectory participants;
    private final Router router = new Router();
    private final Router.Directory directory;
    private final FormatCheck formats;

    AgreementRoutingPolicy(AgreementRegistry agreements, ParticipantDirectory participants) {
        this.agreements = agreements;
        this.participants = participants;
        this.formats = new FormatCheck(participants::get);
        this.directory = new Router.Directory() {
            @Override
            public Optional<String> regionOf(String participantId) {
                return participants.find(participantId).map(c -> c.participant().regionKemendagri());
            }

            @Override
            public List<String> serving(String region) {
                return participants.serving(region).stream()
                        .map(ParticipantDirectory.Connected::id)
                        .toList();
            }
        };
    }

    @Override
    public RoutingDecision decide(Participant sender, CanonicalReferral referral) {
        CaseProfile profile =
                CaseProfile.of(referral.model(), referral.bundle(), sender.regionKemendagri(), sender.zone());
        return formats.check(
                sender, referral.model(), router.decide(sender.id(), profile, agreements.current(), directory));
    }

    /**
     * The decision as it would be, sending nothing.
     *
     * @param draft an agreement version to consider as if every party had signed it, or null
     */
    public RoutingDecision explain(Participant sender, Bundle referral, CompiledAgreement draft) {
        AgreementSet set =
                draft == null ? agreements.current() : agreements.current().with(draft);
        Referral model = CanonicalReader.standard().read(referral);
        CaseProfile profile = CaseProfile.of(model, referral, sender.regionKemendagri(), sender.zone());
        return formats.check(
                sender, model, router.decide(sender.id(), profile, set, directory, draft == null ? null : draft.id()));
    }
}
