package id.lintas.hub.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import id.lintas.contracts.spi.FieldError;
import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.security.Caller;
import id.lintas.hub.security.ParticipantKeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The life of an agreement: a draft registered by an administrator, signed by every party with a
 * key that party registered, active only when every signature verifies; amended by a new version
 * that is signed again; suspended, resumed, terminated. Routing sees a change once it commits.
 */
@Service
public class AgreementService {

    private static final Logger log = LoggerFactory.getLogger(AgreementService.class);

    private final AgreementRepository repository;
    private final ParticipantKeys keys;
    private final AgreementRegistry registry;
    private final ParticipantDirectory participants;
    private final ObjectMapper json;
    private final AgreementSchema schema = new AgreementSchema();
    private final AuditLog audit;

    AgreementService(
            AgreementRepository repository,
            AgreementRegistry registry,
            ParticipantDirectory participants,
            ObjectMapper json,
            ParticipantKeys keys,
            AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
        this.keys = keys;
        this.registry = registry;
        this.participants = participants;
        this.json = json;
    }

    /** A checked document: its parsed form and the canonical JSON that parties sign. */
    public record Checked(AgreementDocument document, String canonical) {}

    /** Checks a document against the schema and the hub (known participants, consistent clauses). */
    public Checked check(JsonNode body) {
        List<FieldError> errors = schema.validate(body);
        if (!errors.isEmpty()) {
            throw AgreementProblem.invalid("the agreement does not follow the agreement form", errors);
        }
        AgreementDocument document = json.convertValue(body, AgreementDocument.class);
        errors = consistency(document);
        if (!errors.isEmpty()) {
            throw AgreementProblem.invalid("the agreement's clauses are not consistent", errors);
        }
        return new Checked(document, CanonicalForm.of(body.toString()));
    }

    /** Registers version 1 of a new agreement, or the next version of an existing one (an amendment). */
    @Transactional
    public AgreementView register(JsonNode body, String actor) {
        Checked checked = check(body);
        AgreementDocument document = checked.document();
        List<AgreementRepository.VersionRow> versions = repository.versions(document.id());
        int expected =
                versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        if (document.version() != expected) {
            throw AgreementProblem.conflict(
                    "version-conflict",
                    versions.isEmpty()
                            ? "a new agreement starts at version 1"
                            : "agreement " + document.id() + " has version " + (expected - 1)
                                    + "; an amendment must be version " + expected,
                    "version");
        }
        if (!versions.isEmpty() && versions.get(versions.size() - 1).status() == AgreementStatus.DRAFT) {
            throw AgreementProblem.conflict(
                    "draft-pending",
                    "version " + (expected - 1) + " of " + document.id() + " is still a draft waiting for signatures",
                    "version");
        }
        String sha = CanonicalForm.sha256(checked.canonical());
        repository.insertVersion(document, checked.canonical(), sha, actor);
        repository.addEvent(document.id(), document.version(), "REGISTERED", actor, "canonical sha-256 " + sha);
        audit.append(
                changed(document.id(), document.version(), "REGISTERED", actor).withDetail("canonicalSha256", sha));
        log.info("Agreement {} v{} registered as a draft by {}", document.id(), document.version(), actor);
        afterCommitRefresh();
        return view(document.id(), document.version());
    }

    /**
     * Adds one party's signature; activates the version when it was the last one missing. A refused
     * signature is kept on the agreement's trail (nothing else is written before a refusal).
     */
    @Transactional(noRollbackFor = AgreementProblem.class)
    public AgreementView sign(String id, int version, String participant, String jws, String actor) {
        AgreementRepository.VersionRow row = repository
                .version(id, version, true)
                .orElseThrow(() -> AgreementProblem.notFound("agreement " + id + " version " + version));
        if (row.status() != AgreementStatus.DRAFT) {
            throw AgreementProblem.conflict(
                    "not-a-draft",
                    "version " + version + " is " + row.status()
                            + "; only a draft is signed (amend to change an agreement)",
                    "version");
        }
        AgreementDocument document = registry.read(row.document());
        if (participant == null || !document.participantIds().contains(participant)) {
            throw AgreementProblem.invalid(
                    "only a party signs",
                    List.of(new FieldError(
                            "participant",
                            participant + " is not a party to " + id + " (parties: "
                                    + String.join(", ", document.participantIds()) + ")")));
        }
        List<AgreementRepository.SignatureRow> signatures = repository.signatures(id, version);
        if (signatures.stream().anyMatch(s -> s.participantId().equals(participant))) {
            throw AgreementProblem.conflict(
                    "already-signed", participant + " has already signed version " + version, "participant");
        }
        JWK key;
        try {
            JWSHeader header = SignatureVerifier.header(jws);
            key = keys.signingKey(participant, header.getKeyID())
                    .orElseThrow(() -> new SignatureVerifier.SignatureException(
                            "jws",
                            "key " + header.getKeyID() + " is not a registered, unrevoked signing key of "
                                    + participant));
            SignatureVerifier.verify(jws, row.document().getBytes(java.nio.charset.StandardCharsets.UTF_8), key);
        } catch (SignatureVerifier.SignatureException e) {
            repository.addEvent(id, version, "SIGNATURE_REFUSED", actor, participant + ": " + e.getMessage());
            audit.append(signature(id, version, participant, null, actor, "REFUSED"));
            log.warn("Signature of {} on agreement {} v{} refused: {}", participant, id, version, e.getMessage());
            throw AgreementProblem.invalid(
                    "the signature is not accepted", List.of(new FieldError(e.field(), e.getMessage())));
        }
        repository.insertSignature(id, version, participant, key.getKeyID(), jws.trim());
        repository.addEvent(id, version, "SIGNED", actor, participant + " with key " + key.getKeyID());
        audit.append(signature(id, version, participant, key.getKeyID(), actor, "SIGNED"));
        Set<String> signed = new HashSet<>();
        signatures.forEach(s -> signed.add(s.participantId()));
        signed.add(participant);
        if (signed.containsAll(document.participantIds())) {
            for (AgreementRepository.VersionRow older : repository.versions(id)) {
                if (older.version() != version
                        && (older.status() == AgreementStatus.ACTIVE || older.status() == AgreementStatus.SUSPENDED)) {
                    repository.setStatus(
                            id, older.version(), AgreementStatus.SUPERSEDED, "replaced by version " + version, null);
                    repository.addEvent(id, older.version(), "SUPERSEDED", "hub", "replaced by version " + version);
                    audit.append(
                            changed(id, older.version(), "SUPERSEDED", "hub").withDetail("by", version));
                }
            }
            repository.setStatus(id, version, AgreementStatus.ACTIVE, null, null);
            repository.addEvent(id, version, "ACTIVATED", "hub", "every party's signature verified");
            audit.append(changed(id, version, "ACTIVATED", "hub"));
            log.info("Agreement {} v{} is active: every party signed", id, version);
        }
        afterCommitRefresh();
        return view(id, version);
    }

    @Transactional
    public AgreementView suspend(String id, String reason, String actor) {
        AgreementRepository.VersionRow row = inEffect(id);
        if (row.status() != AgreementStatus.ACTIVE) {
            throw AgreementProblem.conflict("not-active", "agreement " + id + " is " + row.status(), "status");
        }
        repository.setStatus(id, row.version(), AgreementStatus.SUSPENDED, reason, null);
        repository.addEvent(id, row.version(), "SUSPENDED", actor, reason);
        audit.append(changed(id, row.version(), "SUSPENDED", actor));
        afterCommitRefresh();
        return view(id, row.version());
    }

    @Transactional
    public AgreementView resume(String id, String actor) {
        AgreementRepository.VersionRow row = inEffect(id);
        if (row.status() != AgreementStatus.SUSPENDED) {
            throw AgreementProblem.conflict("not-suspended", "agreement " + id + " is " + row.status(), "status");
        }
        repository.setStatus(id, row.version(), AgreementStatus.ACTIVE, null, null);
        repository.addEvent(id, row.version(), "RESUMED", actor, null);
        audit.append(changed(id, row.version(), "RESUMED", actor));
        afterCommitRefresh();
        return view(id, row.version());
    }

    /** Ends an agreement: referrals dated from {@code effective} on no longer route under it. */
    @Transactional
    public AgreementView terminate(String id, LocalDate effective, String reason, String actor) {
        AgreementRepository.VersionRow row = inEffect(id);
        if (row.status() != AgreementStatus.ACTIVE && row.status() != AgreementStatus.SUSPENDED) {
            throw AgreementProblem.conflict("not-active", "agreement " + id + " is " + row.status(), "status");
        }
        if (effective == null) {
            throw AgreementProblem.invalid(
                    "a termination needs its effective date",
                    List.of(new FieldError(
                            "effectiveDate", "required (the first day the agreement no longer applies)")));
        }
        repository.setStatus(id, row.version(), AgreementStatus.TERMINATED, reason, effective);
        repository.addEvent(
                id,
                row.version(),
                "TERMINATED",
                actor,
                "with effect from " + effective + (reason == null ? "" : ": " + reason));
        audit.append(changed(id, row.version(), "TERMINATED", actor).withDetail("effective", effective.toString()));
        afterCommitRefresh();
        return view(id, row.version());
    }

    public AgreementView view(String id, int version) {
        AgreementRepository.VersionRow row = repository
                .version(id, version, false)
                .orElseThrow(() -> AgreementProblem.notFound("agreement " + id + " version " + version));
        return AgreementView.of(row, registry.read(row.document()), repository.signatures(id, version), json);
    }

    /** The version in effect: the latest that is not a draft; else the first draft. */
    public AgreementView current(String id) {
        return view(id, inEffectOrDraft(id).version());
    }

    public List<AgreementView> versions(String id) {
        List<AgreementRepository.VersionRow> rows = repository.versions(id);
        if (rows.isEmpty()) {
            throw AgreementProblem.notFound("agreement " + id);
        }
        return rows.stream().map(r -> view(id, r.version())).toList();
    }

    public List<AgreementRepository.EventRow> events(String id) {
        return repository.events(id);
    }

    /** Every agreement in its version in effect, filtered. */
    public List<AgreementView> list(String status, String participant, LocalDate inForceOn) {
        List<AgreementView> result = new ArrayList<>();
        List<String> ids = repository.latest().stream()
                .map(AgreementRepository.VersionRow::agreementId)
                .toList();
        for (String id : ids) {
            AgreementView view = current(id);
            if (status != null && !view.status().name().equalsIgnoreCase(status)) {
                continue;
            }
            if (participant != null
                    && !view.parties().stream().anyMatch(p -> p.participant().equals(participant))) {
                continue;
            }
            if (inForceOn != null && !view.inForceOn(inForceOn)) {
                continue;
            }
            result.add(view);
        }
        return result;
    }

    /** The canonical bytes of a version: what each party signs. */
    public String canonical(String id, int version) {
        return repository
                .version(id, version, false)
                .orElseThrow(() -> AgreementProblem.notFound("agreement " + id + " version " + version))
                .document();
    }

    private AgreementRepository.VersionRow inEffect(String id) {
        AgreementRepository.VersionRow row = inEffectOrDraft(id);
        if (row.status() == AgreementStatus.DRAFT) {
            throw AgreementProblem.conflict(
                    "not-active", "agreement " + id + " has not been signed by every party yet", "status");
        }
        return repository.version(id, row.version(), true).orElseThrow();
    }

    private AgreementRepository.VersionRow inEffectOrDraft(String id) {
        List<AgreementRepository.VersionRow> rows = repository.versions(id);
        if (rows.isEmpty()) {
            throw AgreementProblem.notFound("agreement " + id);
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            AgreementStatus status = rows.get(i).status();
            if (status != AgreementStatus.DRAFT && status != AgreementStatus.SUPERSEDED) {
                return rows.get(i);
            }
        }
        return rows.get(0);
    }

    /** Why a participant cannot be asked for a service: its region's format has no code for it. */
    private Optional<String> cannotCarry(String participant, String service) {
        return participants
                .find(participant)
                .filter(connected -> !connected.adapter().carriesService(service))
                .map(connected ->
                        participant + "'s format (" + connected.adapter().format() + ") has no code for service "
                                + service + ", so it cannot be asked for it");
    }

    private List<FieldError> consistency(AgreementDocument d) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> parties = new HashSet<>();
        for (int i = 0; i < d.parties().size(); i++) {
            AgreementDocument.Party party = d.parties().get(i);
            String field = "parties[" + i + "]";
            if (!parties.add(party.participant())) {
                errors.add(new FieldError(field + ".participant", party.participant() + " is named twice"));
            }
            var connected = participants.find(party.participant());
            if (connected.isEmpty()) {
                errors.add(new FieldError(
                        field + ".participant", party.participant() + " is not a participant of this hub"));
            } else if (!connected.get().participant().regionKemendagri().equals(party.region())) {
                errors.add(new FieldError(
                        field + ".region",
                        "participant " + party.participant() + " serves "
                                + connected.get().participant().regionKemendagri() + ", not " + party.region()));
            }
        }
        if (d.validUntil().isBefore(d.validFrom())) {
            errors.add(new FieldError("validUntil", "is before validFrom"));
        }
        for (int i = 0; i < d.referrals().size(); i++) {
            AgreementDocument.Direction direction = d.referrals().get(i);
            if (!parties.contains(direction.from())) {
                errors.add(new FieldError("referrals[" + i + "].from", direction.from() + " is not a party"));
            }
            if (!parties.contains(direction.to())) {
                errors.add(new FieldError("referrals[" + i + "].to", direction.to() + " is not a party"));
            }
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < d.services().size(); i++) {
            AgreementDocument.Service service = d.services().get(i);
            if (!codes.add(service.code())) {
                errors.add(new FieldError("services[" + i + "].code", service.code() + " is listed twice"));
            }
            if (service.providers().isEmpty()) {
                String field = "services[" + i + "].code";
                (d.referrals().isEmpty()
                                ? parties.stream().sorted()
                                : d.referrals().stream()
                                        .map(AgreementDocument.Direction::to)
                                        .filter(parties::contains)
                                        .distinct())
                        .forEach(receiver -> cannotCarry(receiver, service.code())
                                .ifPresent(reason ->
                                        errors.add(new FieldError(field, reason + "; name the providers that can"))));
            }
            for (int j = 0; j < service.providers().size(); j++) {
                if (!parties.contains(service.providers().get(j))) {
                    errors.add(new FieldError(
                            "services[" + i + "].providers[" + j + "]",
                            service.providers().get(j) + " is not a party"));
                } else {
                    String field = "services[" + i + "].providers[" + j + "]";
                    cannotCarry(service.providers().get(j), service.code())
                            .ifPresent(reason -> errors.add(new FieldError(field, reason)));
                }
            }
        }
        if (d.responseTimes().stream().noneMatch(r -> r.urgency() == null && r.service() == null)) {
            errors.add(new FieldError("responseTimes", "needs one rule without urgency and service: the default"));
        }
        for (int i = 0; i < d.annexes().size(); i++) {
            AgreementDocument.Annex annex = d.annexes().get(i);
            if (!parties.contains(annex.party())) {
                errors.add(new FieldError("annexes[" + i + "].party", annex.party() + " is not a party"));
            }
            for (int j = 0; j < annex.fanOut().size(); j++) {
                String participant = annex.fanOut().get(j).participant();
                if (participants.find(participant).isEmpty()) {
                    errors.add(new FieldError(
                            "annexes[" + i + "].fanOut[" + j + "].participant",
                            participant + " is not a participant of this hub"));
                    continue;
                }
                List<String> services = annex.fanOut().get(j).services();
                for (int k = 0; k < services.size(); k++) {
                    String field = "annexes[" + i + "].fanOut[" + j + "].services[" + k + "]";
                    cannotCarry(participant, services.get(k))
                            .ifPresent(reason -> errors.add(new FieldError(field, reason)));
                }
            }
        }
        if (d.condition() != null) {
            try {
                registry.compile(d, AgreementStatus.DRAFT, null);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("condition.fhirpath", e.getMessage()));
            }
        }
        return errors;
    }

    private void afterCommitRefresh() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    registry.refresh();
                }
            });
        } else {
            registry.refresh();
        }
    }

    /** An agreement version's lifecycle step; the reasons people typed stay in agreement_event, not in the log. */
    private static AuditEvent changed(String id, int version, String change, String actor) {
        return AuditEvent.of(AuditKind.AGREEMENT_CHANGED)
                .withActor(Caller.auditActor(actor))
                .withAgreement(id, version)
                .withOutcome(change)
                .withDetail("change", change);
    }

    private static AuditEvent signature(
            String id, int version, String party, String kid, String actor, String outcome) {
        AuditEvent event = AuditEvent.of(AuditKind.AGREEMENT_SIGNED)
                .withActor(Caller.auditActor(actor))
                .withAgreement(id, version)
                .withOutcome(outcome)
                .withDetail("party", party);
        return kid == null ? event : event.withDetail("kid", kid);
    }
}
