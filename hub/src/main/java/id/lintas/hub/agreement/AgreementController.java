package id.lintas.hub.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import id.lintas.hub.security.Caller;
import id.lintas.hub.security.SecurityLog;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' API for agreements: register a draft (or an amendment as the next version),
 * read, list, add a party's signature, suspend, resume, terminate. Errors are RFC 9457 problems.
 */
@RestController
@RequestMapping("/api/v1/agreements")
class AgreementController {

    /** Until people log in (issue #5), actions are recorded as the administrators' API. */
    private static String actor() {
        return Caller.required().name();
    }

    private final AgreementService agreements;

    AgreementController(AgreementService agreements) {
        this.agreements = agreements;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgreementView> register(@RequestBody JsonNode document) {
        AgreementView view = agreements.register(document, actor());
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + view.id() + "/versions/" + view.version()))
                .body(view);
    }

    @GetMapping
    List<AgreementView> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String participant,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inForceOn) {
        return agreements.list(status, participant, inForceOn);
    }

    @GetMapping("/{id}")
    AgreementView current(@PathVariable String id) {
        return agreements.current(id);
    }

    @GetMapping("/{id}/versions")
    List<AgreementView> versions(@PathVariable String id) {
        return agreements.versions(id);
    }

    @GetMapping("/{id}/versions/{version}")
    AgreementView version(@PathVariable String id, @PathVariable int version) {
        return agreements.view(id, version);
    }

    /** The exact bytes to sign: the RFC 8785 canonical JSON of the version. */
    @GetMapping(value = "/{id}/versions/{version}/canonical", produces = MediaType.APPLICATION_JSON_VALUE)
    String canonical(@PathVariable String id, @PathVariable int version) {
        return agreements.canonical(id, version);
    }

    @GetMapping("/{id}/events")
    List<AgreementRepository.EventRow> events(@PathVariable String id) {
        agreements.versions(id);
        return agreements.events(id);
    }

    record SignatureRequest(String participant, String jws) {}

    @PostMapping(value = "/{id}/versions/{version}/signatures", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgreementView> sign(
            @PathVariable String id, @PathVariable int version, @RequestBody SignatureRequest request) {
        Caller caller = Caller.required();
        if (!caller.signsFor(request.participant())) {
            SecurityLog.refused(
                    "signature of agreement " + id + " v" + version,
                    caller.name() + " does not sign for " + request.participant());
            throw new AccessDeniedException("a signer signs only for their own party");
        }
        AgreementView view = agreements.sign(id, version, request.participant(), request.jws(), caller.name());
        return ResponseEntity.status(201).body(view);
    }

    record Reason(String reason) {}

    @PostMapping(value = "/{id}/suspend", consumes = MediaType.APPLICATION_JSON_VALUE)
    AgreementView suspend(@PathVariable String id, @RequestBody(required = false) Reason reason) {
        return agreements.suspend(id, reason == null ? null : reason.reason(), actor());
    }

    @PostMapping("/{id}/resume")
    AgreementView resume(@PathVariable String id) {
        return agreements.resume(id, actor());
    }

    record Termination(
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate, String reason) {}

    @PostMapping(value = "/{id}/terminate", consumes = MediaType.APPLICATION_JSON_VALUE)
    AgreementView terminate(@PathVariable String id, @RequestBody Termination termination) {
        return agreements.terminate(id, termination.effectiveDate(), termination.reason(), actor());
    }

    /** Checks a document without registering it. */
    @PostMapping(value = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> check(@RequestBody JsonNode document) {
        AgreementService.Checked checked = agreements.check(document);
        return Map.of("valid", true, "canonicalSha256", CanonicalForm.sha256(checked.canonical()));
    }
}
