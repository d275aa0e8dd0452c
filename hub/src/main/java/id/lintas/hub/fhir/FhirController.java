package id.lintas.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.canonical.CompactJson;
import id.lintas.contracts.spi.Transport;
import id.lintas.hub.ingest.Ingest;
import id.lintas.hub.ingest.IntakeTurns;
import id.lintas.hub.ingest.ReferralIntake;
import id.lintas.hub.lifecycle.StatusService;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.security.Caller;
import id.lintas.hub.security.Role;
import id.lintas.hub.security.SecurityLog;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /fhir/$process-message}: a FHIR-speaking region's message Bundle (a new referral or a
 * status change), through the same intake as every other region. The answer is a response message
 * whose Task carries the hub's referral id ({@code urn:lintas:referral}) and status; a refusal is an
 * OperationOutcome pointing at the element. {@code GET /fhir/metadata} describes what is supported.
 *
 * <p>The sender is the caller's own participant (its token), which must speak FHIR.
 */
@RestController
@RequestMapping("/fhir")
class FhirController {

    static final String FHIR_JSON = "application/fhir+json";
    static final String FHIR_XML = "application/fhir+xml";
    /** SMART's extension naming the OAuth endpoints in a CapabilityStatement. */
    static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

    static final String SID_REFERRAL = "urn:lintas:referral";

    private final Ingest ingest;
    private final ParticipantDirectory participants;
    private final FhirContext fhir;
    private final CompactJson compactJson;
    private final AuthorizationServerSettings authorizationServer;

    private final IntakeTurns turns;

    FhirController(
            Ingest ingest,
            ParticipantDirectory participants,
            FhirContext fhir,
            CompactJson compactJson,
            AuthorizationServerSettings authorizationServer,
            IntakeTurns turns) {
        this.compactJson = compactJson;
        this.ingest = ingest;
        this.turns = turns;
        this.participants = participants;
        this.fhir = fhir;
        this.authorizationServer = authorizationServer;
    }

    @PostMapping(
            value = "/$process-message",
            produces = FHIR_JSON,
            consumes = {FHIR_JSON, "application/json"})
    ResponseEntity<String> processMessage(
            @RequestBody byte[] body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        String sender = sender();
        Object result;
        // A turn of intake before anything is kept: a refused message leaves nothing behind.
        try (IntakeTurns.Turn turn = turns.forRequest()) {
            result = ingest.message(sender, contentType, body);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, FHIR_JSON)
                .body(compactJson.encode(response(result)));
    }

    /**
     * The response message: a MessageHeader and a Task naming the hub's referral id and its status. It
     * is written by {@link CompactJson}, as HAPI's parser would write it (a twentieth of the hub's
     * samples for Jakarta's intake went to HAPI's encoding of this answer; ADR 0018).
     */
    static Bundle response(Object result) {
        Bundle response = new Bundle().setType(Bundle.BundleType.MESSAGE);
        response.setTimestamp(new Date());
        MessageHeader header = new MessageHeader();
        header.setEvent(new Coding(Canonical.CS + "event", "response", null));
        header.getSource().setEndpoint("urn:lintas:hub");
        header.getResponse()
                .setCode(MessageHeader.ResponseType.OK)
                .setIdentifier(UUID.randomUUID().toString());
        Task task = new Task().setIntent(Task.TaskIntent.ORDER);
        if (result instanceof ReferralIntake.Result referral) {
            task.addIdentifier()
                    .setSystem(SID_REFERRAL)
                    .setValue(referral.referralId().toString());
            task.setStatus(referral.refusal() == null ? Task.TaskStatus.REQUESTED : Task.TaskStatus.REJECTED);
            if (referral.refusal() != null) {
                task.getStatusReason().setText(referral.refusal());
            } else if (referral.notCovered() != null) {
                task.addNote().setText(referral.notCovered());
            }
        } else if (result instanceof StatusService.Result status) {
            task.addIdentifier()
                    .setSystem(SID_REFERRAL)
                    .setValue(status.referralId().toString());
            task.setStatus(Task.TaskStatus.fromCode(status.status().toLowerCase()));
        }
        String taskUrl = "urn:uuid:" + UUID.randomUUID();
        header.addFocus().setReference(taskUrl);
        response.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(header);
        response.addEntry().setFullUrl(taskUrl).setResource(task);
        return response;
    }

    /** JSON unless {@code _format} or the Accept header asks for XML (FHIR's format negotiation). */
    @GetMapping("/metadata")
    ResponseEntity<String> metadata(
            @RequestParam(name = "_format", required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean xml = format != null
                ? format.contains("xml")
                : accept != null && accept.contains("xml") && !accept.contains("json");
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(new Date());
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("application/fhir+json");
        statement.getSoftware().setName("Lintas hub");
        statement
                .getImplementation()
                .setDescription("Lintas: cross-border referrals of violence against women and children");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setSecurity(security());
        rest.addOperation()
                .setName("process-message")
                .setDefinition("http://hl7.org/fhir/OperationDefinition/MessageHeader-process-message");
        CapabilityStatement.CapabilityStatementMessagingComponent messaging = statement.addMessaging();
        messaging.setDocumentation(
                "Message Bundles of regions that speak FHIR; each event is translated by that region's adapter "
                        + "to the hub's canonical referral (profiles under " + Canonical.SD + ").");
        participants.withTransport(Transport.FHIR).stream()
                .flatMap(p -> p.adapter().fhirMessageReader().stream())
                .flatMap(reader -> reader.messageDefinitions().stream())
                .distinct()
                .forEach(definition -> messaging
                        .addSupportedMessage()
                        .setMode(CapabilityStatement.EventCapabilityMode.RECEIVER)
                        .setDefinition(definition));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, xml ? FHIR_XML : FHIR_JSON)
                .body((xml ? fhir.newXmlParser() : fhir.newJsonParser())
                        .setPrettyPrint(true)
                        .encodeResourceToString(statement));
    }

    /** How a region's system authenticates: SMART Backend Services, the token endpoint under the hub's issuer. */
    private CapabilityStatement.CapabilityStatementRestSecurityComponent security() {
        String tokenEndpoint = authorizationServer.getIssuer() + authorizationServer.getTokenEndpoint();
        CapabilityStatement.CapabilityStatementRestSecurityComponent security =
                new CapabilityStatement.CapabilityStatementRestSecurityComponent();
        security.setCors(false);
        security.addService(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR")));
        Extension uris = security.addExtension().setUrl(OAUTH_URIS);
        uris.addExtension("token", new UriType(tokenEndpoint));
        security.setDescription(
                "OAuth 2.0 client credentials with private_key_jwt (SMART Backend Services): the region's"
                        + " system signs a client assertion (iss = sub = its participant id, aud = " + tokenEndpoint
                        + ") with its"
                        + " approved client key, exchanges it at " + tokenEndpoint + " for a bearer token and sends"
                        + " Authorization: Bearer <token>. Discovery: " + authorizationServer.getIssuer()
                        + "/.well-known/smart-configuration.");
        return security;
    }

    /** The caller's own participant, which must speak FHIR: a system speaks only for itself. */
    private String sender() {
        Caller caller = Caller.required();
        String participant = caller.party();
        boolean speaksFhir = participant != null
                && participants.withTransport(Transport.FHIR).stream().anyMatch(p -> p.id().equals(participant));
        if (!caller.is(Role.PARTICIPANT) || !speaksFhir) {
            SecurityLog.refused("FHIR $process-message", "the caller's participant does not speak FHIR");
            throw new AccessDeniedException("the caller's participant does not speak FHIR");
        }
        return participant;
    }
}
