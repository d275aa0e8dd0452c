package id.lintas.hub.ingest;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.CanonicalReader;
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
import org.hl7.fhir.r4.model.Bundle;
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
    private final FhirContext fhir;
    private final IntakeMeters meters;
    private final AuditLog audit;

    ReferralIntake(
            ReferralRepository referrals,
            DeliveryRepository deliveries,
            RoutingPolicy routing,
            ParticipantDirectory participants,
            FhirContext fhir,
            IntakeMeters meters,
            AuditLog audit) {
        this.audit = audit;
        this.referrals = referrals;
        this.deliveries = deliveries;
        this.routing = routing;
        this.participants = participants;
        this.fhir = fhir;
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

    @Transactional
    public Result record(Participant sender, CanonicalReferral referral) {
        ReferralFacts facts = ReferralFacts.of(referral.bundle());
        // Encoded once: what is recorded is also what the audit entry's commitment is of.
        String canonical = json(referral);
        Optional<ReferralRecord> existing = referrals.findBySource(sender.id(), referral.sourceReference());
        UUID id;
        if (existing.isPresent()) {
            ReferralRecord known = existing.get();
            if (referral.revision() == known.revision()) {
                log.info(
                        "Referral {} from {}: resend of revision {}, nothing changed",
                        known.id(),
                        sender.id(),
                        known.revision());
                audit.append(intakeEvent(AuditKind.INTAKE_DUPLICATE, known.id(), sender, referral, canonical)
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
            if (referral.revision() < known.revision()) {
                throw new StaleRevisionException(
                        "revision " + referral.revision() + " is older than revision " + known.revision()
                                + " the hub already has for this case",
                        known.id());
            }
            id = known.id();
            referrals.revise(record(id, sender, referral, canonical, facts, known.status()));
            referrals.addEvent(id, "REVISED", null, sender.id(), "revision " + referral.revision());
            audit.append(received(id, sender, referral, canonical).withDetail("revised", true));
        } else {
            id = UUID.randomUUID();
            if (!referrals.insert(record(id, sender, referral, canonical, facts, "RECEIVED"))) {
                // Another request recorded the same case between our lookup and insert: answer as a resend.
                return record(sender, referral);
            }
            referrals.addEvent(id, "RECEIVED", "RECEIVED", sender.id(), "revision " + referral.revision());
            audit.append(received(id, sender, referral, canonical));
        }
        referrals.recordVictims(id, niks(referral.bundle()));
        meters.received(sender.id());
        return route(id, sender, referral, facts);
    }

    /** The victims' NIKs, kept only as keyed hashes (to find the same victim referred again). */
    private static List<String> niks(Bundle bundle) {
        return CanonicalReader.standard().read(bundle).victims().stream()
                .map(Victim::nik)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private Result route(UUID id, Participant sender, CanonicalReferral referral, ReferralFacts facts) {
        RoutingDecision decision = routing.decide(sender, referral.bundle());
        List<OwedDelivery> owed = new ArrayList<>();
        if (!decision.isRouted()) {
            referrals.route(id, ReferralStatuses.REFUSED, null, json(referral));
            referrals.addEvent(id, "REFUSED", ReferralStatuses.REFUSED, "hub", decision.refusal());
            decision.findings().forEach(finding -> audit.append(notCovered(id, sender, finding, "REFUSED")));
            owed.add(deliveries.addStatus(
                    id,
                    sender.id(),
                    ReferralStatus.REJECTED.name(),
                    "Ditolak oleh hub / refused by the hub: " + decision.refusal(),
                    Instant.now()));
            log.info("Referral {} from {} refused: {}", id, sender.id(), decision.refusal());
            meters.refused(sender.id());
            return new Result(id, ReferralStatuses.REFUSED, List.of(), decision.refusal(), null, false, owed);
        }
        // The first receiver owns the Task in the stored referral; each delivery names its own receiver.
        Grant primary = decision.grants().get(0);
        Owners.assign(referral.bundle(), participants.get(primary.receiver()).participant());
        referrals.route(id, ReferralStatuses.REQUESTED, primary.receiver(), json(referral));
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
            referrals.addEvent(
                    id, "ROUTED", ReferralStatuses.REQUESTED, "hub", describe(grant, respondBy, decision.target()));
            audit.append(routed(id, sender, grant, respondBy));
            owed.add(deliveries.addReferral(id, grant.receiver()));
            meters.routed(sender.id(), grant.receiver(), grant.agreementId());
        }
        String partial = decision.partialCover();
        if (partial != null) {
            referrals.addEvent(id, "PARTIAL_COVER", null, "hub", partial);
            decision.findings().forEach(finding -> audit.append(notCovered(id, sender, finding, "PARTIAL")));
        }
        List<String> receivers = decision.grants().stream().map(Grant::receiver).toList();
        log.info("Referral {} from {} routed to {}", id, sender.id(), receivers);
        return new Result(id, ReferralStatuses.REQUESTED, receivers, null, partial, false, owed);
    }

    /** The audit entry of an intake: the sender's system, and a keyed commitment of the canonical referral it sent. */
    private AuditEvent intakeEvent(
            AuditKind kind, UUID id, Participant sender, CanonicalReferral referral, String canonical) {
        return AuditEvent.of(kind)
                .withActor(sender.id(), sender.id(), "PARTICIPANT")
                .withReferral(id)
                .withParties(sender.id(), null)
                .withDetail("revision", referral.revision())
                .withCommitment(audit.commitment(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private AuditEvent received(UUID id, Participant sender, CanonicalReferral referral, String canonical) {
        return intakeEvent(AuditKind.INTAKE_RECEIVED, id, sender, referral, canonical)
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
            String canonical,
            ReferralFacts facts,
            String status) {
        return new ReferralRecord(
                id,
                sender.id(),
                referral.sourceReference(),
                referral.revision(),
                facts.kind(),
                facts.urgency(),
                status,
                null,
                facts.requestedRegion(),
                facts.domicileRegion(),
                facts.incidentRegion(),
                facts.reportingRegion() != null ? facts.reportingRegion() : sender.regionKemendagri(),
                canonical,
                facts.reportedAt(),
                null,
                null);
    }

    private String json(CanonicalReferral referral) {
        return fhir.newJsonParser().encodeResourceToString(referral.bundle());
    }
}
