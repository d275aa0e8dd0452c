package id.lintas.hub.trail;

import id.lintas.hub.audit.AuditProblem;
import id.lintas.hub.audit.AuditService;
import id.lintas.hub.audit.LogVerifier;
import id.lintas.hub.security.Caller;
import id.lintas.hub.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log over HTTP (docs/audit.md): checkpoints as C2SP signed notes, the note verifier key,
 * entries with their exact bytes, RFC 9162 proofs as JSON arrays of base64 hashes, exports, the online
 * verification, and witnesses' cosignatures. Who may call which is the security configuration's.
 */
@RestController
@Tag(name = "audit", description = "The tamper-evident audit log: checkpoints, entries, proofs, cosignatures")
class AuditController {

    private static final String TEXT = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8";

    private final AuditService audit;
    private final TrailRepository trails;

    AuditController(AuditService audit, TrailRepository trails) {
        this.audit = audit;
        this.trails = trails;
    }

    @Operation(summary = "The latest signed checkpoint (or the one of tree size 'size') with the cosignatures it has")
    @GetMapping(value = "/api/v1/audit/checkpoint", produces = TEXT)
    String checkpoint(@RequestParam(required = false) Long size) {
        return audit.checkpoint(size);
    }

    @Operation(summary = "The log's note verifier key: <origin>+<hex key ID>+<base64(0x01 ‖ Ed25519 key)>")
    @GetMapping(value = "/api/v1/audit/verifier-key", produces = TEXT)
    String verifierKey() {
        return audit.verifierKey() + "\n";
    }

    @Operation(summary = "Entries [start, end) with their index, exact bytes and leaf hash, base64 (at most 1000)")
    @GetMapping(value = "/api/v1/audit/entries", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AuditService.EntryView> entries(@RequestParam long start, @RequestParam long end) {
        TrailScope scope = auditorScope();
        if (!scope.national()) {
            throw AuditProblem.outOfScope(
                    "start",
                    "an auditor of " + scope.party() + " sees only the handoffs " + scope.party()
                            + " sent or received, and a range of the log holds others': GET /api/v1/audit/export"
                            + " gives yours, each entry with its inclusion proof in the latest checkpoint");
        }
        return audit.entries(start, end);
    }

    @Operation(summary = "RFC 9162 inclusion proof of entry 'index' in the tree of size 'size', leaf's sibling first")
    @GetMapping(value = "/api/v1/audit/proof/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    List<String> inclusion(@RequestParam long index, @RequestParam long size) {
        Caller caller = Caller.required();
        return audit.inclusion(index, size, caller.is(Role.AUDITOR) ? null : caller.name());
    }

    @Operation(summary = "RFC 9162 consistency proof from tree size 'from' to tree size 'to'")
    @GetMapping(value = "/api/v1/audit/proof/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    List<String> consistency(@RequestParam long from, @RequestParam long to) {
        return audit.consistency(from, to);
    }

    @Operation(
            summary =
                    "An export for the offline verifier: the whole log, or one referral's entries with inclusion proofs")
    @GetMapping(value = "/api/v1/audit/export", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditService.Export export(@RequestParam(required = false) UUID referral) {
        TrailScope scope = auditorScope();
        if (scope.national()) {
            return audit.export(referral);
        }
        List<Long> visible = trails.candidates(scope.party(), referral).stream()
                .filter(e -> e.event().referralId() == null || scope.shows(e.event(), e.referralSender()))
                .map(TrailRepository.Sequenced::index)
                .toList();
        if (referral != null && visible.isEmpty()) {
            throw TrailProblem.notFound(referral.toString());
        }
        return audit.export(referral == null ? AuditService.PARTY : AuditService.REFERRAL, visible);
    }

    /** An auditor's scope (the security configuration lets only auditors reach the log's entries). */
    private static TrailScope auditorScope() {
        return TrailScope.of(Caller.required())
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("auditors only"));
    }

    @Operation(summary = "Verifies the log as the database holds it now: entries, tree, checkpoint signatures")
    @GetMapping(value = "/api/v1/audit/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    LogVerifier.Result verification() {
        return audit.verify(List.of());
    }

    @Operation(
            summary =
                    "A witness's cosignature (c2sp.org/tlog-cosignature, Ed25519) of a checkpoint the hub signed: the checkpoint"
                            + " note with the witness's signature line(s)")
    @PostMapping(
            value = "/api/v1/audit/checkpoint/cosignatures",
            consumes = MediaType.TEXT_PLAIN_VALUE,
            produces = TEXT)
    ResponseEntity<String> cosign(@RequestBody String cosigned) {
        return ResponseEntity.status(201).body(audit.cosign(Caller.required().name(), cosigned));
    }
}
