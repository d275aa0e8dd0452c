package id.lintas.hub.routing;

import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.Participant;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import id.lintas.hub.referral.ReferralFacts;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Until cooperation agreements decide: the region the sender names; when it names none, the
 * victim's home region when it differs from the sender's, else the region where it happened. A
 * region is served by the participant of that regency/city, or else of its province.
 */
@Component
class InterimRoutingPolicy implements RoutingPolicy {

    private final ParticipantDirectory participants;
    private final RegionTable regions = RegionTable.standard();

    InterimRoutingPolicy(ParticipantDirectory participants) {
        this.participants = participants;
    }

    @Override
    public RoutingDecision decide(Participant sender, ReferralFacts facts) {
        String region;
        String why;
        if (facts.requestedRegion() != null) {
            region = facts.requestedRegion();
            why = "region named by the sender";
        } else if (facts.domicileRegion() != null && !facts.domicileRegion().equals(sender.regionKemendagri())) {
            region = facts.domicileRegion();
            why = "victim's home region";
        } else if (facts.incidentRegion() != null) {
            region = facts.incidentRegion();
            why = "region where the violence happened";
        } else {
            return RoutingDecision.refused("the referral names no destination, home or incident region");
        }
        List<Connected> receivers = servingOrProvince(region);
        String regionLabel = label(region);
        if (receivers.isEmpty()) {
            return RoutingDecision.refused("no participant of the hub serves " + regionLabel + " (" + why + ")");
        }
        if (receivers.size() > 1) {
            return RoutingDecision.refused("several participants serve " + regionLabel + "; an agreement must decide");
        }
        Connected receiver = receivers.get(0);
        if (receiver.id().equals(sender.id())) {
            return RoutingDecision.refused(regionLabel + " (" + why + ") is the sender's own region");
        }
        return RoutingDecision.to(receiver.id(), why + ": " + regionLabel);
    }

    private List<Connected> servingOrProvince(String region) {
        List<Connected> exact = participants.serving(region);
        if (!exact.isEmpty()) {
            return exact;
        }
        return regions.byKemendagri(region)
                .filter(r -> !r.isProvince())
                .map(r -> participants.serving(r.province()))
                .orElse(List.of());
    }

    private String label(String region) {
        return regions.byKemendagri(region).map(Region::name).map(n -> n + " " + region).orElse(region);
    }
}
