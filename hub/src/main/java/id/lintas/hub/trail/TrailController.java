package id.lintas.hub.trail;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.security.Caller;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For auditors (and a participant, for its own referrals): a referral's trail, as JSON or as a FHIR
 * Bundle of BALP AuditEvents, and the search over handoffs by agreement, pair, period and outcome.
 */
@RestController
class TrailController {

    static final MediaType FHIR_JSON = MediaType.valueOf("application/fhir+json");
    private static final Set<String> OUTCOMES = Set.of("refused", "overdue", "dead");
    private static final int MAX_PAGE = 200;

    private final TrailRepository trails;
    private final ParticipantDirectory participants;
    private final FhirContext fhir;

    TrailController(TrailRepository trails, ParticipantDirectory participants, FhirContext fhir) {
        this.trails = trails;
        this.participants = participants;
        this.fhir = fhir;
    }

    @GetMapping("/api/v1/audit/referrals/{id}/trail")
    ResponseEntity<?> trail(@PathVariable String id, @RequestParam(defaultValue = "json") String format) {
        if (!"json".equals(format) && !"fhir".equals(format)) {
            throw TrailProblem.invalid("format", "json or fhir");
        }
        UUID referral = parse(id);
        TrailScope scope = TrailScope.of(Caller.required()).orElseThrow(() -> TrailProblem.notFound(id));
        List<AuditLog.Logged> entries = trails.ofReferral(referral);
        String sender = entries.stream()
                .map(AuditLog.Logged::event)
                .filter(e -> e.kind() == AuditKind.INTAKE_RECEIVED || e.kind() == AuditKind.ROUTING_DECIDED)
                .map(AuditEvent::sender)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        Set<String> receivers = new LinkedHashSet<>();
        entries.forEach(logged -> {
            if (logged.event().kind() == AuditKind.ROUTING_DECIDED
                    && logged.event().receiver() != null) {
                receivers.add(logged.event().receiver());
            }
        });
        if (entries.isEmpty() || !scope.covers(sender, receivers)) {
            throw TrailProblem.notFound(id);
        }
        List<AuditLog.Logged> visible = entries.stream()
                .filter(logged -> scope.shows(logged.event(), sender))
                .toList();
        List<AuditLog.Logged> context =
                trails.context(agreements(visible), participants(visible, sender), accounts(visible), Instant.now());
        if ("fhir".equals(format)) {
            List<AuditLog.Logged> all = new java.util.ArrayList<>(visible);
            all.addAll(context);
            return ResponseEntity.ok()
                    .contentType(FHIR_JSON)
                    .body(fhir.newJsonParser()
                            .setPrettyPrint(true)
                            .encodeResourceToString(BalpExport.of(referral, all)));
        }
        return ResponseEntity.ok(Trail.of(referral, sender, visible, context, this::regionOf, Instant.now()));
    }

    /** Handoffs by agreement, sender, receiver, period ({@code from} inclusive, {@code to} exclusive) and outcome. */
    @GetMapping("/api/v1/audit/referrals")
    Map<String, Object> search(
            @RequestParam(required = false) String agreement,
            @RequestParam(required = false) String sender,
            @RequestParam(required = false) String receiver,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String outcome,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        TrailScope scope = TrailScope.of(Caller.required())
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
                        "auditors and participants only"));
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw TrailProblem.invalid("outcome", "one of refused, overdue, dead");
        }
        if (page < 0) {
            throw TrailProblem.invalid("page", "0 or more");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw TrailProblem.invalid("size", "from 1 to " + MAX_PAGE);
        }
        List<TrailRepository.Handoff> found = trails.search(
                agreement,
                sender,
                receiver,
                instant("from", from),
                instant("to", to),
                outcome,
                scope.party(),
                page * size,
                size + 1);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("page", page);
        answer.put("size", size);
        answer.put("more", found.size() > size);
        answer.put("handoffs", found.size() > size ? found.subList(0, size) : found);
        return answer;
    }

    private String regionOf(String participant) {
        return participants
                .find(participant)
                .map(c -> c.participant().regionKemendagri())
                .orElse(null);
    }

    private static Set<String> agreements(List<AuditLog.Logged> entries) {
        Set<String> ids = new LinkedHashSet<>();
        entries.forEach(logged -> {
            if (logged.event().agreementId() != null) {
                ids.add(logged.event().agreementId());
            }
        });
        return ids;
    }

    private static Set<String> participants(List<AuditLog.Logged> entries, String sender) {
        Set<String> ids = new LinkedHashSet<>();
        if (sender != null) {
            ids.add(sender);
        }
        entries.forEach(logged -> {
            if (logged.event().receiver() != null) {
                ids.add(logged.event().receiver());
            }
        });
        return ids;
    }

    /** People who acted on the referral (not region systems, not the hub). */
    private static Set<String> accounts(List<AuditLog.Logged> entries) {
        Set<String> names = new LinkedHashSet<>();
        entries.forEach(logged -> {
            AuditEvent.Actor actor = logged.event().actor();
            if (actor != null
                    && actor.account() != null
                    && !"PARTICIPANT".equals(actor.role())
                    && !"SYSTEM".equals(actor.role())) {
                names.add(actor.account());
            }
        });
        return names;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw TrailProblem.notFound(id);
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(value.trim())
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException again) {
                throw TrailProblem.invalid(field, "an ISO-8601 instant (2026-01-31T00:00:00Z) or date (2026-01-31)");
            }
        }
    }
}
