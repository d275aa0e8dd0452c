package id.lintas.hub.routing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.FileBatch;
import id.lintas.contracts.spi.FileBatchReader;
import id.lintas.contracts.spi.FileRejectedException;
import id.lintas.contracts.spi.InboundMessage;
import id.lintas.contracts.spi.RegionAdapter;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.hub.agreement.AgreementProblem;
import id.lintas.hub.agreement.AgreementRegistry;
import id.lintas.hub.agreement.AgreementService;
import id.lintas.hub.agreement.AgreementStatus;
import id.lintas.hub.agreement.AgreementView;
import id.lintas.hub.agreement.CompiledAgreement;
import id.lintas.hub.agreement.Finding;
import id.lintas.hub.agreement.Grant;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import id.lintas.hub.security.Caller;
import id.lintas.hub.security.Role;
import id.lintas.hub.security.SecurityLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/routing/explain}: the routing decision for a referral and why, sending and
 * storing nothing. The body is a canonical Bundle, or with {@code native=true} a referral in the
 * sender's own format (a region's message, a FHIR message Bundle, or for a file format the first
 * referral of the file, whose {@code fileName} it needs). With {@code agreement} and
 * {@code version}, that registered draft is considered as if every party had signed it.
 */
@RestController
class ExplainController {

    private final AgreementRoutingPolicy routing;
    private final AgreementService agreements;
    private final AgreementRegistry registry;
    private final ParticipantDirectory participants;
    private final FhirContext fhir;

    ExplainController(
            AgreementRoutingPolicy routing,
            AgreementService agreements,
            AgreementRegistry registry,
            ParticipantDirectory participants,
            FhirContext fhir) {
        this.routing = routing;
        this.agreements = agreements;
        this.registry = registry;
        this.participants = participants;
        this.fhir = fhir;
    }

    @PostMapping("/api/v1/routing/explain")
    Map<String, Object> explain(
            @RequestParam String sender,
            @RequestParam(name = "native", defaultValue = "false") boolean nativeFormat,
            @RequestParam(required = false) String fileName,
            @RequestParam(required = false) String agreement,
            @RequestParam(required = false) Integer version,
            @RequestBody byte[] body) {
        Caller caller = Caller.required();
        if (!caller.is(Role.ADMIN) && !caller.isParticipant(sender)) {
            SecurityLog.refused("routing explain for " + sender, "a participant explains only its own referrals");
            throw new AccessDeniedException("a participant explains only its own referrals");
        }
        Connected from = participants
                .find(sender)
                .orElseThrow(() -> new AgreementProblem(
                        404,
                        "unknown-participant",
                        "Unknown participant",
                        "no participant '" + sender + "'",
                        List.of(new FieldError("sender", "not a participant of this hub"))));
        Bundle bundle = nativeFormat ? translate(from, body, fileName) : parse(body);
        CompiledAgreement draft = null;
        if (agreement != null) {
            AgreementView view = agreements.view(agreement, version == null ? 1 : version);
            draft = registry.compile(
                    registry.readDocument(view),
                    view.status() == AgreementStatus.DRAFT ? AgreementStatus.DRAFT : view.status(),
                    view.terminatedFrom());
        }
        RoutingDecision decision = routing.explain(from.participant(), bundle, draft);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sender", sender);
        answer.put("target", decision.target());
        answer.put("routed", decision.isRouted());
        answer.put(
                "routes",
                decision.grants().stream().map(ExplainController::route).toList());
        answer.put(
                "findings",
                decision.findings().stream().map(ExplainController::finding).toList());
        if (decision.refusal() != null) {
            answer.put("refusal", decision.refusal());
        }
        if (decision.partialCover() != null) {
            answer.put("notCovered", decision.partialCover());
        }
        if (draft != null) {
            answer.put("draftConsidered", Map.of("agreement", draft.id(), "version", draft.version()));
        }
        return answer;
    }

    private Bundle parse(byte[] body) {
        try {
            return fhir.newJsonParser()
                    .parseResource(Bundle.class, new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (DataFormatException | ClassCastException e) {
            throw new AgreementProblem(
                    400,
                    "invalid-message",
                    "Invalid message",
                    "the body is not a canonical FHIR Bundle",
                    List.of(new FieldError(
                            "(body)", "not a FHIR R4 Bundle in JSON; send native=true for a region's own format")));
        }
    }

    private static Bundle translate(Connected from, byte[] body, String fileName) {
        RegionAdapter adapter = from.adapter();
        try {
            if (adapter.messageReader().isPresent()) {
                return adapter.messageReader()
                        .get()
                        .readReferral(body, from.participant())
                        .bundle();
            }
            if (adapter.fhirMessageReader().isPresent()) {
                InboundMessage message = adapter.fhirMessageReader().get().readMessage(body, from.participant());
                if (message instanceof CanonicalReferral referral) {
                    return referral.bundle();
                }
                throw new AgreementProblem(
                        400,
                        "invalid-message",
                        "Invalid message",
                        "the message is a status change",
                        List.of(new FieldError(
                                "MessageHeader.event", "a status change is not routed: send a referral's message")));
            }
            if (adapter.fileBatchReader().isPresent()) {
                return firstReferral(adapter.fileBatchReader().get(), body, fileName, from);
            }
        } catch (TranslationException e) {
            throw new AgreementProblem(400, "invalid-message", "Invalid message", "the message is invalid", e.errors());
        } catch (FileRejectedException e) {
            throw new AgreementProblem(
                    400,
                    "invalid-message",
                    "Invalid message",
                    "the file is refused whole",
                    List.of(new FieldError("(file)", e.getMessage())));
        }
        throw new AgreementProblem(
                400,
                "invalid-message",
                "Invalid message",
                "the sender's format cannot be explained natively",
                List.of(new FieldError("native", "not supported for this participant's format")));
    }

    /** A file format reads the file's name too (its kind is in it): the name the file would have in the inbox. */
    private static Bundle firstReferral(FileBatchReader reader, byte[] body, String fileName, Connected from)
            throws FileRejectedException {
        if (fileName == null) {
            throw new AgreementProblem(
                    400,
                    "invalid-message",
                    "Invalid message",
                    "a file format needs the file's name",
                    List.of(new FieldError(
                            "fileName",
                            "required for a participant that exchanges files: the name the file would have")));
        }
        FileBatch batch = reader.readFile(fileName, body, from.participant());
        List<FieldError> errors =
                batch.items().stream().flatMap(i -> i.errors().stream()).toList();
        return batch.items().stream()
                .filter(item -> item.message() instanceof CanonicalReferral)
                .map(item -> ((CanonicalReferral) item.message()).bundle())
                .findFirst()
                .orElseThrow(() -> new AgreementProblem(
                        400,
                        "invalid-message",
                        "Invalid message",
                        "the file has no readable referral row",
                        errors.isEmpty() ? List.of(new FieldError("(file)", "no referral rows")) : errors));
    }

    private static Map<String, Object> route(Grant grant) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("participant", grant.receiver());
        route.put("agreement", grant.agreementId());
        route.put("agreementVersion", grant.agreementVersion());
        if (grant.via() != null) {
            route.put("via", grant.via());
        }
        route.put("services", grant.services());
        route.put("subjectToAvailability", grant.subjectToAvailability());
        route.put("data", grant.data().stream().map(Enum::name).sorted().toList());
        route.put(
                "respondWithin",
                grant.respondWithin() == null ? null : grant.respondWithin().toString());
        return route;
    }

    private static Map<String, Object> finding(Finding finding) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("participant", finding.receiver());
        map.put("agreement", finding.agreementId());
        map.put("agreementVersion", finding.agreementId() == null ? null : finding.agreementVersion());
        map.put("clause", finding.clause().name());
        map.put("reason", finding.reason());
        return map;
    }
}
