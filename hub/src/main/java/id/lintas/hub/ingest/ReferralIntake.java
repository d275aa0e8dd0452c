package id.lintas.hub.ingest;

import id.lintas.contracts.canonical.CompactJson;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.ReferralStatus;
import id.lintas.hub.agreement.Finding;
import id.lintas.hub.agreement.Grant;
import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.delivery.DeliveryRepository;
import id.lintas.hub.delivery.OwedDelivery;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.referral.RecentReferrals;
import id.lintas.hub.referral.ReferralFacts;
import id.lintas.hub.referral.ReferralRecord;
import id.lintas.hub.referral.ReferralRepository;
import id.lintas.hub.referral.ReferralRoute;
import id.lintas.hub.referral.ReferralStatuses;
import id.lintas.hub.routing.Owners;
import id.lintas.hub.routing.RoutingDecision;
import id.lintas.hub.routing.RoutingPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a canonical referral, decides where it goes, and writes the deliveries it owes, all in one
 * transaction. A resend of the same case and revision changes nothing and answers the same id.
 */
@Service
public class ReferralIntake {

    private static final Logger log = LoggerFactory.getLogger(ReferralIntake.class);

    private final ReferralRepository referrals;
    private final DeliveryRepository deliveries;
    private final RoutingPolicy routing;
    private final ParticipantDirectory participants;
    private final CompactJson compactJson;
    private final IntakeMeters meters;
    private final AuditLog audit;
    private final InboundMessageStore inbound;
    private final RecentReferrals recent;

    ReferralIntake(
            ReferralRepository referrals,
            DeliveryRepository deliveries,
            RoutingPolicy routing,
            ParticipantDirectory participants,
            CompactJson json,
            IntakeMeters meters,
            AuditLog audit,
            InboundMessageStore inbound,
            RecentReferrals recent) {
        this.recent = recent;
        this.audit = audit;
        this.inbound = inbound;
        this.referrals = referrals;
        this.deliveries = deliveries;
        this.routing = routing;
        this.participants = participants;
        this.compactJson = json;
        this.meters = meters;
    }

    /**
     * @param referralId the hub's id
     * @param status the referral's status after intake
     * @param destinations the receivers it was routed to
     * @param refusal why it was not routed, or null
     * @param notCovered what the agreements did not cover when it was routed in part, or null
     * @param duplicate true when this was a resend of what the hub already had
     * @param deliveryIds the deliveries to publish once the transaction has committed
     */
    public record Result(
            UUID referralId,
            String status,
            List<String> destinations,
            String refusal,
            String notCovered,
            boolean duplicate,
            List<OwedDelivery> deliveryIds) {}

    /**
     * Records and routes the referral and, when it came as a kept message, that message's outcome, in
     * one transaction: a referral recorded is never left with its message looking unfinished.
     *
     * @param inboundId the kept message it was read from, or null (a row of a file, whose outcome is the file's)
     */
    @Transactional
    public Result record(Participant sender, CanonicalReferral referral, UUID inboundId) {
        Result result = record(sender, referral);
        if (inboundId != null) {
            inbound.outcome(inboundId, InboundMessageStore.ACCEPTED, null, result.referralId());
        }
        return result;
    }

    private Result record(Participant sender, CanonicalReferral referral) {
        // The typed model, the routing decision and the Bundle's JSON are each made once per referral,
        // before the row is written: the row is written once, with its final status and owner, and the
        // audit commitment is of the JSON it records.
        ReferralFacts facts = ReferralFacts.of(referral.model());
        Optional<ReferralRecord> existing = referrals.findBySource(sender.id(), referral.sourceReference());
        if (existing.isPresent() && referral.revision() == existing.get().revision()) {
            return duplicate(sender, referral, existing.get());
        }
        if (existing.isPresent() && referral.revision() < existing.get().revision()) {
            throw new StaleRevisionException(
                    "revision " + referral.revision() + " is older than revision "
                            + existing.get().revision() + " the hub already has for this case",
                    existing.get().id());
        }
        RoutingDecision decision = routing.decide(sender, referral);
        Referral routedModel = null;
        String status = decision.isRouted() ? ReferralStatuses.REQUESTED : ReferralStatuses.REFUSED;
        String owner = null;
        if (decision.isRouted()) {
            // The first receiver owns the Task in the stored referral; each delivery names its own receiver.
            owner = decision.grants().get(0).receiver();
            Participant destination = participants.get(owner).participant();
            Owners.assign(referral.bundle(), destination);
            routedModel = referral.model().withDestination(Party.of(destination));
        }
        String canonicalJson = json(referral);
        // The referral's events and its audit entries are each written together, in one statement, once the row is.
        List<AuditEvent> trail = new ArrayList<>();
        List<ReferralRepository.NewEvent> events = new ArrayList<>();
        UUID id;
        if (existing.isPresent()) {
            id = existing.get().id();
            referrals.revise(record(id, sender, referral, facts, status, owner, canonicalJson));
            events.add(
                    new ReferralRepository.NewEvent("REVISED", null, sender.id(), "revision " + referral.revision()));
            trail.add(received(id, sender, referral, canonicalJson).withDetail("revised", true));
            referrals.recordVictims(id, niks(referral.model()), true);
        } else {
            id = UUID.randomUUID();
            if (!referrals.insert(record(id, sender, referral, facts, status, owner, canonicalJson))) {
                // Another request recorded the same case between our lookup and insert: answer as a resend.
                return record(sender, referral);
            }
            events.add(new ReferralRepository.NewEvent(
                    "RECEIVED", "RECEIVED", sender.id(), "revision " + referral.revision()));
            trail.add(received(id, sender, referral, canonicalJson));
            referrals.recordVictims(id, niks(referral.model()), false);
        }
        if (routedModel != null) {
            // Its deliveries, moments from now, render from the model instead of parsing the Bundle again.
            recent.keepAfterCommit(id, referral.revision(), routedModel);
        }
        meters.received(sender.id());
        Result result = decision.isRouted()
                ? routed(id, sender, decision, trail, events)
                : refused(id, sender, decision, trail, events);
        referrals.addEvents(id, events);
        audit.appendAll(trail);
        return result;
    }

    /**
     * A resend of the same case and revision: nothing changes. Its commitment is of the Bundle in the
     * form the hub records it (its owner named), so it equals the recorded one's when the content is.
     */
    private Result duplicate(Participant sender, CanonicalReferral referral, ReferralRecord known) {
        log.info(
                "Referral {} from {}: resend of revision {}, nothing changed",
                known.id(),
                sender.id(),
                known.revision());
        if (known.destinationId() != null) {
            participants
                    .find(known.destinationId())
                    .ifPresent(owner -> Owners.assign(referral.bundle(), owner.participant()));
        }
        audit.append(intakeEvent(AuditKind.INTAKE_DUPLICATE, known.id(), sender, referral, json(referral))
                .withOutcome("DUPLICATE"));
        return new Result(
                known.id(),
                known.status(),
                known.destinationId() == null ? List.of() : List.of(known.destinationId()),
                null,
                null,
                true,
                List.of());
    }

    /** The victims' NIKs, kept only as keyed hashes (to find the same victim referred again). */
    private static List<String> niks(Referral referral) {
        return referral.victims().stream()
                .map(Victim::nik)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private Result refused(
            UUID id,
            Participant sender,
            RoutingDecision decision,
            List<AuditEvent> trail,
            List<ReferralRepository.NewEvent> events) {
        events.add(new ReferralRepository.NewEvent("REFUSED", ReferralStatuses.REFUSED, "hub", decision.refusal()));
        decision.findings().forEach(finding -> trail.add(notCovered(id, sender, finding, "REFUSED")));
        List<OwedDelivery> owed = List.of(deliveries.addStatus(
                id,
                sender.id(),
                ReferralStatus.REJECTED.name(),
                "Ditolak oleh hub / refused by the hub: " + decision.refusal(),
                Instant.now()));
        log.info("Referral {} from {} refused: {}", id, sender.id(), decision.refusal());
        meters.refused(sender.id());
        return new Result(id, ReferralStatuses.REFUSED, List.of(), decision.refusal(), null, false, owed);
    }

    private Result routed(
            UUID id,
            Participant sender,
            RoutingDecision decision,
            List<AuditEvent> trail,
            List<ReferralRepository.NewEvent> events) {
        List<OwedDelivery> owed = new ArrayList<>();
        Instant routedAt = Instant.now();
        for (Grant grant : decision.grants()) {
            Instant respondBy = grant.respondWithin() == null ? null : routedAt.plus(grant.respondWithin());
            referrals.addRoute(
                    id,
                    new ReferralRoute(
                            grant.receiver(),
                            grant.agreementId(),
                            grant.agreementVersion(),
                            grant.via(),
                            grant.services(),
                            grant.subjectToAvailability(),
                            grant.data().stream().map(Enum::name).sorted().toList(),
                            respondBy,
                            ReferralStatuses.REQUESTED));
            events.add(new ReferralRepository.NewEvent(
                    "ROUTED", ReferralStatuses.REQUESTED, "hub", describe(grant, respondBy, decision.target())));
            trail.add(routed(id, sender, grant, respondBy));
            owed.add(deliveries.addReferral(id, grant.receiver()));
            meters.routed(sender.id(), grant.receiver(), grant.agreementId());
        }
        String partial = decision.partialCover();
        if (partial != null) {
            events.add(new ReferralRepository.NewEvent("PARTIAL_COVER", null, "hub", partial));
            decision.findings().forEach(finding -> trail.add(notCovered(id, sender, finding, "PARTIAL")));
        }
        List<String> receivers = decision.grants().stream().map(Grant::receiver).toList();
        log.info("Referral {} from {} routed to {}", id, sender.id(), receivers);
        return new Result(id, ReferralStatuses.REQUESTED, receivers, null, partial, false, owed);
    }

    /** The audit entry of an intake: the sender's system, and a keyed commitment of the canonical referral it sent. */
    private AuditEvent intakeEvent(
            AuditKind kind, UUID id, Participant sender, CanonicalReferral referral, String canonicalJson) {
        return AuditEvent.of(kind)
                .withActor(sender.id(), sender.id(), "PARTICIPANT")
                .withReferral(id)
                .withParties(sender.id(), null)
                .withDetail("revision", referral.revision())
                .withCommitment(audit.commitment(canonicalJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private AuditEvent received(UUID id, Participant sender, CanonicalReferral referral, String canonicalJson) {
        return intakeEvent(AuditKind.INTAKE_RECEIVED, id, sender, referral, canonicalJson)
                .withOutcome("RECEIVED");
    }

    private static AuditEvent routed(UUID id, Participant sender, Grant grant, Instant respondBy) {
        AuditEvent event = AuditEvent.of(AuditKind.ROUTING_DECIDED)
                .withActor(AuditEvent.Actor.system())
                .withReferral(id)
                .withParties(sender.id(), grant.receiver())
                .withAgreement(grant.agreementId(), grant.agreementVersion())
                .withOutcome("ROUTED")
                .withDetail(
                        "data", grant.data().stream().map(Enum::name).sorted().toList());
        if (grant.via() != null) {
            event = event.withDetail("via", grant.via());
        }
        return respondBy == null ? event : event.withDetail("respondBy", respondBy.toString());
    }

    /** A clause that failed, as its id only: the finding's words may describe the victims (sex, age). */
    private static AuditEvent notCovered(UUID id, Participant sender, Finding finding, String outcome) {
        return AuditEvent.of(AuditKind.ROUTING_DECIDED)
                .withActor(AuditEvent.Actor.system())
                .withReferral(id)
                .withParties(sender.id(), finding.receiver())
                .withAgreement(finding.agreementId(), finding.agreementId() == null ? null : finding.agreementVersion())
                .withOutcome(outcome)
                .withDetail(
                        "failedClauses",
                        List.of(
                                finding.clause() == null
                                        ? "NO_AGREEMENT"
                                        : finding.clause().name()));
    }

    private static String describe(Grant grant, Instant respondBy, String target) {
        StringBuilder text = new StringBuilder("to ")
                .append(grant.receiver())
                .append(" under agreement ")
                .append(grant.agreementId())
                .append(" v")
                .append(grant.agreementVersion());
        if (grant.via() != null) {
            text.append(" (annex of ").append(grant.via()).append(")");
        } else {
            text.append(" (").append(target).append(")");
        }
        text.append("; services ").append(grant.services());
        if (!grant.subjectToAvailability().isEmpty()) {
            text.append("; subject to availability: ").append(grant.subjectToAvailability());
        }
        text.append("; data ")
                .append(grant.data().stream().map(Enum::name).sorted().toList());
        if (respondBy != null) {
            text.append("; answer due by ").append(respondBy);
        }
        return text.toString();
    }

    private ReferralRecord record(
            UUID id,
            Participant sender,
            CanonicalReferral referral,
            ReferralFacts facts,
            String status,
            String owner,
            String canonicalJson) {
        return new ReferralRecord(
                id,
                sender.id(),
                referral.sourceReference(),
                referral.revision(),
                facts.kind(),
                facts.urgency(),
                status,
                owner,
                facts.requestedRegion(),
                facts.domicileRegion(),
                facts.incidentRegion(),
                facts.reportingRegion() != null ? facts.reportingRegion() : sender.regionKemendagri(),
                canonicalJson,
                facts.reportedAt(),
                null,
                null);
    }

    /** The Bundle's JSON as HAPI's parser writes it ({@link CompactJson} falls back to it where it must). */
    private String json(CanonicalReferral referral) {
        return compactJson.encode(referral.bundle());
    }
}
