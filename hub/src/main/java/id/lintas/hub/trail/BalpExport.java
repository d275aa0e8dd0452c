package id.lintas.hub.trail;

import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.audit.AuditLog;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * A trail as a FHIR R4 Bundle of AuditEvents following IHE Basic Audit Log Patterns (BALP 1.1): a
 * referral received is a privacy disclosure recorded at the recipient (the hub), a referral delivered is
 * one recorded at the source (the hub), a read of a referral's record is a RESTful read, and a
 * participant's or an operator's request that changed something (a status, a re-drive, a resend) is a
 * RESTful create. Other steps (routing, failed attempts, agreements, keys, accounts) are plain AuditEvents:
 * BALP has no pattern for them. Every resource carries ids and codes only; the victim is the BALP
 * "patient" entity as a pseudonymous identifier (the referral id), never a name or NIK.
 */
final class BalpExport {

    static final String BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/";
    static final String PRIVACY_DISCLOSURE_RECIPIENT = BALP + "IHE.BasicAudit.PrivacyDisclosure.Recipient";
    static final String PRIVACY_DISCLOSURE_SOURCE = BALP + "IHE.BasicAudit.PrivacyDisclosure.Source";
    static final String READ = BALP + "IHE.BasicAudit.Read";
    static final String CREATE = BALP + "IHE.BasicAudit.Create";

    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String LIFECYCLE = "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle";
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    static final String KIND = "https://fhir.lintas.or.id/CodeSystem/audit-kind";
    static final String SID_REFERRAL = "https://fhir.lintas.or.id/sid/referral";
    static final String SID_VICTIM = "https://fhir.lintas.or.id/sid/referral-subject";
    static final String SID_PARTICIPANT = "https://fhir.lintas.or.id/sid/participant";
    static final String SID_ACCOUNT = "https://fhir.lintas.or.id/sid/account";
    static final String SID_ENTRY = "https://fhir.lintas.or.id/sid/audit-entry";
    static final String HUB = "lintas-hub";

    private BalpExport() {}

    static Bundle of(UUID referral, List<AuditLog.Logged> entries) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setIdentifier(new Identifier().setSystem(SID_REFERRAL).setValue(referral.toString()));
        for (AuditLog.Logged logged : entries) {
            org.hl7.fhir.r4.model.AuditEvent resource = resource(logged);
            bundle.addEntry()
                    .setFullUrl("urn:uuid:"
                            + UUID.nameUUIDFromBytes(
                                    ("audit-" + logged.ticket()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .setResource(resource);
        }
        return bundle;
    }

    static org.hl7.fhir.r4.model.AuditEvent resource(AuditLog.Logged logged) {
        AuditEvent e = logged.event();
        org.hl7.fhir.r4.model.AuditEvent audit = new org.hl7.fhir.r4.model.AuditEvent();
        audit.setRecorded(Date.from(e.at()));
        audit.getSource().setSite(HUB).setObserver(hub()).addType(new Coding(SOURCE_TYPE, "4", "Application Server"));
        Coding kind = new Coding(KIND, e.kind().name(), null);
        boolean failed = e.outcome() != null
                && List.of("REFUSED", "FAILED", "DEAD", "RETRY").contains(e.outcome());
        audit.setOutcome(failed ? AuditEventOutcome._4 : AuditEventOutcome._0);
        if (e.outcome() != null) {
            audit.setOutcomeDesc(e.outcome());
        }
        if (e.kind() == AuditKind.INTAKE_RECEIVED) {
            audit.getMeta().addProfile(PRIVACY_DISCLOSURE_RECIPIENT);
            audit.setType(new Coding(DCM, "110107", "Import")).setAction(AuditEventAction.C);
            audit.addSubtype(new Coding(LIFECYCLE, "disclose", "Disclose Record Lifecycle Event"))
                    .addSubtype(kind);
            audit.addAgent(participantAgent(e.sender(), "110153", "Source Role ID"));
            audit.addAgent(hubAgent("110152", "Destination Role ID"));
            audit.addEntity(victim(e.referralId()));
        } else if (e.kind() == AuditKind.DELIVERY_ATTEMPTED
                && "DELIVERED".equals(e.outcome())
                && "REFERRAL".equals(e.details().get("document"))) {
            audit.getMeta().addProfile(PRIVACY_DISCLOSURE_SOURCE);
            audit.setType(new Coding(DCM, "110106", "Export")).setAction(AuditEventAction.R);
            audit.addSubtype(new Coding(LIFECYCLE, "disclose", "Disclose Record Lifecycle Event"))
                    .addSubtype(kind);
            audit.addAgent(hubAgent("110153", "Source Role ID"));
            audit.addAgent(participantAgent(e.receiver(), "110152", "Destination Role ID"));
            audit.addEntity(victim(e.referralId()));
        } else if (e.kind() == AuditKind.REFERRAL_READ) {
            audit.getMeta().addProfile(READ);
            audit.setType(new Coding(AUDIT_EVENT_TYPE, "rest", "Restful Operation"))
                    .setAction(AuditEventAction.R);
            audit.addSubtype(new Coding(RESTFUL_INTERACTION, "read", "read")).addSubtype(kind);
            audit.addAgent(clientAgent(e.actor(), "110152", "Destination Role ID"));
            audit.addAgent(hubAgent("110153", "Source Role ID"));
            user(e.actor(), new Coding(PARTICIPATION, "IRCP", "information recipient"))
                    .ifPresent(audit::addAgent);
        } else if (!failed
                && (e.kind() == AuditKind.STATUS_CHANGED
                        || e.kind() == AuditKind.INTAKE_DUPLICATE
                        || (e.kind() == AuditKind.REDRIVE
                                && e.actor() != null
                                && !"SYSTEM".equals(e.actor().role())))) {
            audit.getMeta().addProfile(CREATE);
            audit.setType(new Coding(AUDIT_EVENT_TYPE, "rest", "Restful Operation"))
                    .setAction(AuditEventAction.C);
            audit.addSubtype(new Coding(RESTFUL_INTERACTION, "create", "create"))
                    .addSubtype(kind);
            audit.addAgent(clientAgent(e.actor(), "110153", "Source Role ID"));
            audit.addAgent(hubAgent("110152", "Destination Role ID"));
            user(e.actor(), new Coding(PARTICIPATION, "AUT", "author (originator)"))
                    .ifPresent(audit::addAgent);
        } else {
            audit.setType(kind).setAction(AuditEventAction.E);
            audit.addAgent(new AuditEventAgentComponent().setRequestor(true).setWho(who(e.actor())));
        }
        audit.addEntity(record(e, logged));
        return audit;
    }

    /** The referral (or, for steps of no referral, the agreement or account) and the entry's place in the log. */
    private static AuditEventEntityComponent record(AuditEvent e, AuditLog.Logged logged) {
        AuditEventEntityComponent entity = new AuditEventEntityComponent()
                .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
                .setRole(new Coding(OBJECT_ROLE, "4", "Domain Resource"));
        if (e.referralId() != null) {
            entity.setWhat(new Reference()
                    .setIdentifier(new Identifier()
                            .setSystem(SID_REFERRAL)
                            .setValue(e.referralId().toString())));
        } else {
            entity.setWhat(new Reference()
                    .setIdentifier(new Identifier().setSystem(SID_ENTRY).setValue("ticket-" + logged.ticket())));
        }
        logged.index()
                .ifPresent(index -> entity.addDetail()
                        .setType("entryIndex")
                        .setValue(new org.hl7.fhir.r4.model.StringType(Long.toString(index))));
        detail(entity, "sender", e.sender());
        detail(entity, "receiver", e.receiver());
        detail(entity, "agreement", e.agreementId());
        detail(
                entity,
                "agreementVersion",
                e.agreementVersion() == null ? null : e.agreementVersion().toString());
        for (Map.Entry<String, Object> d : e.details().entrySet()) {
            detail(
                    entity,
                    d.getKey(),
                    d.getValue() instanceof List<?> list
                            ? String.join(
                                    ",", list.stream().map(String::valueOf).toList())
                            : String.valueOf(d.getValue()));
        }
        if (e.commitment() != null) {
            detail(
                    entity,
                    "commitment",
                    "hmac-sha256:" + e.commitment().keyId() + ":"
                            + java.util.Base64.getEncoder()
                                    .encodeToString(e.commitment().mac()));
        }
        return entity;
    }

    private static void detail(AuditEventEntityComponent entity, String type, String value) {
        if (value != null && !value.isEmpty()) {
            entity.addDetail().setType(type).setValue(new org.hl7.fhir.r4.model.StringType(value));
        }
    }

    /** BALP's patient entity, as a pseudonym: the victim of this referral, identified by nothing but the referral. */
    private static AuditEventEntityComponent victim(UUID referral) {
        return new AuditEventEntityComponent()
                .setType(new Coding(ENTITY_TYPE, "1", "Person"))
                .setRole(new Coding(OBJECT_ROLE, "1", "Patient"))
                .setWhat(new Reference()
                        .setType("Patient")
                        .setIdentifier(new Identifier().setSystem(SID_VICTIM).setValue(referral.toString())));
    }

    /** The hub, the same reference as the audit source's observer (BALP's val-audit-source). */
    private static Reference hub() {
        return new Reference()
                .setIdentifier(new Identifier().setSystem(SID_PARTICIPANT).setValue(HUB))
                .setDisplay(HUB);
    }

    private static AuditEventAgentComponent hubAgent(String code, String display) {
        return new AuditEventAgentComponent()
                .setType(new CodeableConcept(new Coding(DCM, code, display)))
                .setRequestor(false)
                .setWho(hub())
                .setNetwork(network(HUB));
    }

    private static AuditEventAgentComponent participantAgent(String participant, String code, String display) {
        String id = participant == null ? "unknown" : participant;
        return new AuditEventAgentComponent()
                .setType(new CodeableConcept(new Coding(DCM, code, display)))
                .setRequestor(false)
                .setWho(new Reference()
                        .setIdentifier(
                                new Identifier().setSystem(SID_PARTICIPANT).setValue(id)))
                .setNetwork(network(id));
    }

    /** The system that called: a participant's, or the hub's own web client for a person. */
    private static AuditEventAgentComponent clientAgent(AuditEvent.Actor actor, String code, String display) {
        boolean machine = actor != null && "PARTICIPANT".equals(actor.role());
        return participantAgent(machine ? actor.participant() : HUB + "-web", code, display);
    }

    /** The person who asked, with the role they acted in; none for a region's system. */
    private static java.util.Optional<AuditEventAgentComponent> user(AuditEvent.Actor actor, Coding type) {
        if (actor == null || "PARTICIPANT".equals(actor.role()) || "SYSTEM".equals(actor.role())) {
            return java.util.Optional.empty();
        }
        AuditEventAgentComponent user = new AuditEventAgentComponent()
                .setType(new CodeableConcept(type))
                .setRequestor(true)
                .setWho(who(actor))
                .setName(actor.account());
        if (actor.role() != null) {
            user.addRole(new CodeableConcept().setText(actor.role()));
        }
        return java.util.Optional.of(user);
    }

    private static Reference who(AuditEvent.Actor actor) {
        if (actor == null) {
            return hub();
        }
        if ("SYSTEM".equals(actor.role())) {
            return hub();
        }
        boolean machine = "PARTICIPANT".equals(actor.role());
        return new Reference()
                .setIdentifier(new Identifier()
                        .setSystem(machine ? SID_PARTICIPANT : SID_ACCOUNT)
                        .setValue(machine ? actor.participant() : actor.account()));
    }

    private static org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkComponent network(String participant) {
        return new org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkComponent()
                .setAddress("urn:lintas:participant:" + participant)
                .setType(AuditEventAgentNetworkType._5);
    }
}
