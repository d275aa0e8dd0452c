package id.lintas.hub.lifecycle;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lintas.contracts.spi.FieldError;
import id.lintas.hub.FieldProblem;
import id.lintas.hub.agreement.DataCategory;
import id.lintas.hub.agreement.DataMinimiser;
import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.delivery.DeliveryRecord;
import id.lintas.hub.delivery.DeliveryRepository;
import id.lintas.hub.referral.ReferralEvent;
import id.lintas.hub.referral.ReferralRecord;
import id.lintas.hub.referral.ReferralRepository;
import id.lintas.hub.referral.ReferralRoute;
import id.lintas.hub.security.Caller;
import id.lintas.hub.security.Role;
import id.lintas.hub.security.SecurityLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading the record: a referral's canonical view (as far as the caller may see it), its status history and its deliveries. */
@RestController
class ReferralController {

    /**
     * The most same-victim referrals one record lists ({@code sameVictimReferralsMore} says there are
     * more, {@code sameVictimReferralsNext} links to the next page), and a page's default size.
     */
    static final int SAME_VICTIM_LIMIT = 50;

    /** The largest page of same-victim referrals one call may ask for. */
    static final int SAME_VICTIM_MAX_PAGE = 200;

    private final ReferralRepository referrals;
    private final DeliveryRepository deliveries;
    private final ObjectMapper json;
    private final FhirContext fhir;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    ReferralController(
            ReferralRepository referrals,
            DeliveryRepository deliveries,
            ObjectMapper json,
            FhirContext fhir,
            AuditLog audit,
            TransactionTemplate transactions) {
        this.audit = audit;
        this.transactions = transactions;
        this.referrals = referrals;
        this.deliveries = deliveries;
        this.json = json;
        this.fhir = fhir;
    }

    /**
     * A referral as its caller may see it: its sender sees what it sent and all that became of it; a
     * receiver sees what its grant let it receive and only its own route, deliveries and steps, never
     * another receiver's; operators and auditors see the record without the victim's data, without the
     * refusal texts that describe the victims (sex, age) and without links to other referrals of the same
     * victim. Anyone else is told it does not exist (404), never that it is someone else's.
     */
    @GetMapping("/api/v1/referrals/{id}")
    Map<String, Object> referral(@PathVariable String id) throws JsonProcessingException {
        ReferralRecord r = referrals.find(parse(id)).orElseThrow(() -> new ReferralNotFoundException(id));
        Caller caller = Caller.required();
        List<ReferralRoute> routes = referrals.routes(r.id());
        List<ReferralEvent> history = referrals.events(r.id());
        List<DeliveryRecord> sent = deliveries.forReferral(r.id());
        Map<String, Object> view = summary(r);
        AuditEvent read = AuditEvent.of(AuditKind.REFERRAL_READ)
                .withActor(caller.name(), caller.party(), caller.actingRole())
                .withReferral(r.id())
                .withOutcome("DISCLOSED");
        if (caller.is(Role.PARTICIPANT)) {
            if (caller.isParticipant(r.senderId())) {
                view.put("canonical", json.readValue(r.canonicalJson(), JsonNode.class));
                read = read.withParties(r.senderId(), null).withDetail("copy", "SENDER_COPY");
            } else {
                ReferralRoute own = routes.stream()
                        .filter(route -> caller.isParticipant(route.participantId()))
                        .findFirst()
                        .orElseThrow(() -> {
                            SecurityLog.refused("referral " + id, "neither its sender nor a receiver");
                            return new ReferralNotFoundException(id);
                        });
                Bundle stored = fhir.newJsonParser().parseResource(Bundle.class, r.canonicalJson());
                Bundle granted = DataMinimiser.reduce(
                        stored, own.data().stream().map(DataCategory::valueOf).toList(), own.services());
                view.put(
                        "canonical",
                        json.readValue(fhir.newJsonParser().encodeResourceToString(granted), JsonNode.class));
                routes = List.of(own);
                read = read.withParties(r.senderId(), own.participantId())
                        .withAgreement(own.agreementId(), own.agreementVersion())
                        .withDetail("copy", "RECEIVER_COPY")
                        .withDetail("categories", own.data());
                history = history.stream()
                        .filter(event -> concerns(event, own.participantId(), r.senderId()))
                        .toList();
                sent = sent.stream()
                        .filter(d -> own.participantId().equals(d.recipientId()))
                        .toList();
            }
            view.put("routes", routes);
            SameVictimPage sameVictim = sameVictimPage(r.id(), caller, null, SAME_VICTIM_LIMIT);
            view.put("sameVictimReferrals", sameVictim.referrals());
            view.put("sameVictimReferralsMore", sameVictim.next() != null);
            view.put("sameVictimReferralsNext", sameVictim.next());
        } else {
            view.put("routes", routes);
            history =
                    history.stream().map(ReferralController::withoutVictimFacts).toList();
            read = read.withDetail("copy", "RECORD");
        }
        // The disclosure is on record before the answer leaves: no read without its audit entry.
        AuditEvent disclosure = read;
        transactions.executeWithoutResult(tx -> audit.append(disclosure));
        view.put("history", history);
        view.put("deliveries", sent.stream().map(ReferralController::delivery).toList());
        return view;
    }

    /** Event types whose text describes the case (forms of violence, the victims' sex and age). */
    private static final java.util.Set<String> DESCRIBE_THE_CASE = java.util.Set.of("REFUSED", "PARTIAL_COVER");

    private static ReferralEvent withoutVictimFacts(ReferralEvent event) {
        return DESCRIBE_THE_CASE.contains(event.type())
                ? new ReferralEvent(event.id(), event.at(), event.type(), event.status(), event.actor(), null)
                : event;
    }

    /**
     * Whether a receiver may see a step: the sender's own steps (received, revised, cancelled), its own,
     * and the hub's steps about it ("to <receiver>" in their text), never those about other receivers.
     */
    private static boolean concerns(ReferralEvent event, String receiver, String sender) {
        if (receiver.equals(event.actor()) || sender.equals(event.actor())) {
            return true;
        }
        return "hub".equals(event.actor())
                && !DESCRIBE_THE_CASE.contains(event.type())
                && event.detail() != null
                && java.util.regex.Pattern.compile(
                                "(^|\\s)to " + java.util.regex.Pattern.quote(receiver) + "([\\s;]|$)")
                        .matcher(event.detail())
                        .find();
    }

    /**
     * A page of the other referrals of the same victim.
     *
     * @param referrals their ids, newest first
     * @param next the link to the next page; null on the last one
     */
    record SameVictimPage(List<String> referrals, String next) {}

    /**
     * Other referrals of the same victim (matched by the keyed hash of the NIK), for a region's system and
     * only those it sent or received: ids only, a page at a time, newest first. A victim referred
     * thousands of times made every read of the record list them all; the record lists the first page
     * and links to this one, which pages on by keyset (the last id of a page), so a page costs the same
     * however far into the list it is and does not shift when a new referral of the victim comes in.
     */
    @GetMapping("/api/v1/referrals/{id}/same-victim")
    @Operation(
            summary = "Other referrals of the same victim that the calling region sent or received, newest first, a"
                    + " page at a time; `next` links to the next page (null on the last)")
    @ApiResponse(
            responseCode = "400",
            description = "`after` is not a referral id or `limit` is not from 1 to 200: `errors` names the field")
    @ApiResponse(
            responseCode = "404",
            description = "No such referral, or the calling region neither sent nor received it")
    SameVictimPage sameVictim(
            @PathVariable String id,
            @Parameter(description = "The last referral id of the page before; absent for the first page")
                    @RequestParam(required = false)
                    String after,
            @Parameter(description = "The most ids in the page, from 1 to 200") @RequestParam(defaultValue = "50")
                    int limit) {
        ReferralRecord r = referrals.find(parse(id)).orElseThrow(() -> new ReferralNotFoundException(id));
        Caller caller = Caller.required();
        boolean involved = caller.isParticipant(r.senderId())
                || referrals.routes(r.id()).stream().anyMatch(route -> caller.isParticipant(route.participantId()));
        if (!involved) {
            SecurityLog.refused("same-victim referrals of " + id, "neither its sender nor a receiver");
            throw new ReferralNotFoundException(id);
        }
        List<FieldError> errors = new ArrayList<>();
        UUID cursor = null;
        if (after != null) {
            try {
                cursor = UUID.fromString(after);
            } catch (IllegalArgumentException e) {
                // Reported below.
            }
            if (cursor == null || !referrals.exists(cursor)) {
                errors.add(new FieldError("after", "expected the id of a referral of the page before"));
            }
        }
        if (limit < 1 || limit > SAME_VICTIM_MAX_PAGE) {
            errors.add(new FieldError("limit", "expected a whole number from 1 to " + SAME_VICTIM_MAX_PAGE));
        }
        if (!errors.isEmpty()) {
            throw new FieldProblem(400, "invalid-parameter", "Invalid parameter", "A parameter is refused.", errors);
        }
        SameVictimPage page = sameVictimPage(r.id(), caller, cursor, limit);
        // Which referrals share a victim is a disclosure: on record before the answer leaves.
        AuditEvent read = AuditEvent.of(AuditKind.REFERRAL_READ)
                .withActor(caller.name(), caller.party(), caller.actingRole())
                .withReferral(r.id())
                .withOutcome("DISCLOSED")
                .withDetail("copy", "SAME_VICTIM_LINKS");
        transactions.executeWithoutResult(tx -> audit.append(read));
        return page;
    }

    private SameVictimPage sameVictimPage(UUID id, Caller caller, UUID after, int limit) {
        List<String> ids = referrals.sameVictim(id, caller.party(), after, limit + 1).stream()
                .map(UUID::toString)
                .toList();
        if (ids.size() <= limit) {
            return new SameVictimPage(ids, null);
        }
        List<String> page = ids.subList(0, limit);
        return new SameVictimPage(
                page, "/api/v1/referrals/" + id + "/same-victim?after=" + page.get(limit - 1) + "&limit=" + limit);
    }

    /** Receivers that have not answered within their agreement's response time. */
    @GetMapping("/api/v1/referrals/overdue")
    List<ReferralRepository.Overdue> overdue(@RequestParam(defaultValue = "100") int limit) {
        return referrals.overdue(Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/api/v1/referrals")
    List<Map<String, Object>> list(@RequestParam String participant, @RequestParam(defaultValue = "50") int limit) {
        Caller caller = Caller.required();
        if (caller.is(Role.PARTICIPANT) && !caller.isParticipant(participant)) {
            SecurityLog.refused("referrals of " + participant, "a participant lists only its own referrals");
            throw new AccessDeniedException("a participant lists only its own referrals");
        }
        return referrals.involving(participant, Math.min(Math.max(limit, 1), 500)).stream()
                .map(ReferralController::summary)
                .toList();
    }

    private static Map<String, Object> summary(ReferralRecord r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("referralId", r.id().toString());
        view.put("sender", r.senderId());
        view.put("sourceReference", r.sourceReference());
        view.put("revision", r.revision());
        view.put("kind", r.kind());
        view.put("urgency", r.urgency());
        view.put("status", r.status());
        view.put("destination", r.destinationId());
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("requested", r.requestedRegion());
        regions.put("domicile", r.domicileRegion());
        regions.put("incident", r.incidentRegion());
        regions.put("reporting", r.reportingRegion());
        view.put("regions", regions);
        view.put("reportedAt", r.reportedAt());
        view.put("createdAt", r.createdAt());
        view.put("updatedAt", r.updatedAt());
        return view;
    }

    private static Map<String, Object> delivery(DeliveryRecord d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("deliveryId", d.id().toString());
        view.put("recipient", d.recipientId());
        view.put("kind", d.kind());
        view.put("status", d.status());
        view.put("state", d.state());
        view.put("attempts", d.attempts());
        view.put("lastError", d.lastError());
        view.put("deliveredAt", d.deliveredAt());
        return view;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ReferralNotFoundException(id);
        }
    }
}
