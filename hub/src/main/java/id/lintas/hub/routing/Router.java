package id.lintas.hub.routing;

import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.hub.agreement.AgreementSet;
import id.lintas.hub.agreement.CaseProfile;
import id.lintas.hub.agreement.Clause;
import id.lintas.hub.agreement.CompiledAgreement;
import id.lintas.hub.agreement.Finding;
import id.lintas.hub.agreement.Grant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a referral's receivers under the agreements: plain Java, no Spring, so every routing
 * example of the agreements is a unit test.
 *
 * <p>The destination region is the one the sender named; else the victim's home when it lies
 * outside the sender's region; else where the violence happened. It is served by the participant
 * of that region (or of its province). Then each agreement between the sender and that receiver is
 * checked clause by clause; the one covering most of the requested services routes it, and its
 * annex may fan it out to more receivers.
 */
public final class Router {

    /** The participants routing can send to. */
    public interface Directory {
        Optional<String> regionOf(String participantId);

        /** The participants whose region is exactly this one. */
        List<String> serving(String region);
    }

    private final RegionTable regions = RegionTable.standard();

    public RoutingDecision decide(String sender, CaseProfile c, AgreementSet agreements, Directory directory) {
        return decide(sender, c, agreements, directory, null);
    }

    /**
     * @param previewDraft the id of an agreement whose draft version is to be treated as signed (explain), or null
     */
    public RoutingDecision decide(
            String sender, CaseProfile c, AgreementSet agreements, Directory directory, String previewDraft) {
        String senderRegion = directory.regionOf(sender).orElseThrow();
        Target target = target(senderRegion, c);
        if (target == null) {
            return RoutingDecision.refused(
                    "no destination",
                    new Finding(
                            null,
                            null,
                            0,
                            Clause.NO_AGREEMENT,
                            "the referral names no destination, and neither the victim's home nor the incident lies outside the sender's region"));
        }
        List<String> receivers = servingOrProvince(target.region(), directory).stream()
                .filter(r -> !r.equals(sender))
                .toList();
        if (receivers.isEmpty()) {
            return RoutingDecision.refused(
                    target.label(),
                    new Finding(
                            null,
                            null,
                            0,
                            Clause.NO_AGREEMENT,
                            "no participant of the hub serves " + label(target.region())));
        }
        Map<String, Grant> grants = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        List<String> withoutAgreement = new ArrayList<>();
        for (String receiver : receivers) {
            List<CompiledAgreement> between = agreements.between(sender, receiver);
            if (between.isEmpty()) {
                withoutAgreement.add(receiver);
                continue;
            }
            CompiledAgreement.Covered best = null;
            CompiledAgreement bestAgreement = null;
            List<Finding> failures = new ArrayList<>();
            for (CompiledAgreement agreement : between) {
                boolean preview = agreement.id().equals(previewDraft);
                CompiledAgreement.Outcome outcome = agreement.evaluate(sender, receiver, c, preview);
                if (outcome instanceof CompiledAgreement.Covered covered) {
                    if (best == null || better(covered, agreement, best, bestAgreement)) {
                        best = covered;
                        bestAgreement = agreement;
                    }
                } else {
                    failures.add(((CompiledAgreement.Failed) outcome).finding());
                }
            }
            if (best == null) {
                findings.addAll(failures);
                continue;
            }
            findings.addAll(best.uncovered());
            for (Grant grant : best.grants()) {
                if (grant.receiver().equals(sender) || grants.containsKey(grant.receiver())) {
                    continue;
                }
                if (directory.regionOf(grant.receiver()).isEmpty()) {
                    findings.add(new Finding(
                            grant.receiver(),
                            grant.agreementId(),
                            grant.agreementVersion(),
                            Clause.NO_AGREEMENT,
                            "the annex of " + grant.via() + " names " + grant.receiver()
                                    + ", which is not connected to the hub"));
                    continue;
                }
                grants.put(grant.receiver(), grant);
            }
        }
        // Participants of the region without an agreement of their own matter only when no participant there has one
        // (those reached through a party's annex need none).
        if (withoutAgreement.size() == receivers.size()) {
            findings.add(new Finding(
                    String.join(", ", withoutAgreement),
                    null,
                    0,
                    Clause.NO_AGREEMENT,
                    "no agreement between " + sender + " and " + String.join(" or ", withoutAgreement)));
        }
        return new RoutingDecision(target.label(), List.copyOf(grants.values()), findings);
    }

    private static boolean better(
            CompiledAgreement.Covered candidate,
            CompiledAgreement agreement,
            CompiledAgreement.Covered best,
            CompiledAgreement bestAgreement) {
        int services = candidate.grants().get(0).services().size()
                - best.grants().get(0).services().size();
        if (services != 0) {
            return services > 0;
        }
        return Comparator.comparing((CompiledAgreement a) -> a.document().validFrom())
                        .compare(agreement, bestAgreement)
                > 0;
    }

    private record Target(String region, String label) {}

    private Target target(String senderRegion, CaseProfile c) {
        if (c.requestedRegion() != null) {
            return new Target(c.requestedRegion(), "region named by the sender: " + label(c.requestedRegion()));
        }
        for (String home : c.domicileRegions()) {
            if (!within(home, senderRegion)) {
                return new Target(home, "victim's home region: " + label(home));
            }
        }
        for (String incident : c.incidentRegions()) {
            if (!within(incident, senderRegion)) {
                return new Target(incident, "region where the violence happened: " + label(incident));
            }
        }
        return null;
    }

    private List<String> servingOrProvince(String region, Directory directory) {
        List<String> exact = directory.serving(region);
        if (!exact.isEmpty()) {
            return exact;
        }
        return regions.byKemendagri(region)
                .filter(r -> !r.isProvince())
                .map(r -> directory.serving(r.province()))
                .orElse(List.of());
    }

    private boolean within(String region, String partyRegion) {
        return region.equals(partyRegion)
                || regions.byKemendagri(region)
                        .map(r -> r.province().equals(partyRegion))
                        .orElse(false);
    }

    private String label(String region) {
        return regions.byKemendagri(region)
                .map(Region::name)
                .map(n -> n + " " + region)
                .orElse(region);
    }
}
