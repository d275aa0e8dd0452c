package id.lintas.hub.participant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators connect regions (the security chain admits administrators to change, and operators and
 * auditors to read): {@code GET/POST /api/v1/participants}, {@code GET/PUT /api/v1/participants/{id}} and
 * {@code GET .../{id}/history}. No delete: a participant is suspended ({@code "status": "SUSPENDED"}).
 */
@RestController
@RequestMapping("/api/v1/participants")
class ParticipantController {

    private final ParticipantService participants;

    ParticipantController(ParticipantService participants) {
        this.participants = participants;
    }

    /**
     * A participant to connect.
     *
     * @param format the format id of its adapter ({@code kukar-json}, {@code ppu-csv}, ...)
     * @param endpoint the base URL of its server; none for file drops
     * @param zone the time zone of its local times; {@code Asia/Jakarta} when absent
     * @param status {@code ACTIVE} when absent
     */
    record NewParticipant(
            String id, String name, String region, String format, String endpoint, String zone, String status) {}

    /**
     * A participant's values, all of them (a replacement): what is left out of an optional field is cleared.
     *
     * @param version the version read, when the change must not overwrite one made meanwhile
     */
    record ParticipantChange(
            String name, String region, String format, String endpoint, String zone, String status, Long version) {}

    @GetMapping
    @Operation(summary = "Every participant, suspended ones included")
    List<ParticipantService.ParticipantView> list() {
        return participants.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A participant as stored, with its version")
    ParticipantService.ParticipantView get(@PathVariable String id) {
        return participants.get(id);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every change of a participant, oldest first: the values after it, who made it and when")
    List<ParticipantRepository.HistoryEntry> history(@PathVariable String id) {
        return participants.history(id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Connects a region: its routes and gauges are added on every hub instance, without a restart")
    @ApiResponse(responseCode = "409", description = "A participant with this id exists")
    @ApiResponse(
            responseCode = "422",
            description = "A value is refused: `errors` names each field (id, name, region, format,"
                    + " endpoint, zone, status)")
    ResponseEntity<ParticipantService.ParticipantView> create(@RequestBody NewParticipant participant) {
        ParticipantService.ParticipantView created = participants.create(
                participant.id(),
                new ParticipantRules.Values(
                        participant.name(),
                        participant.region(),
                        participant.format(),
                        participant.endpoint(),
                        participant.zone(),
                        participant.status()),
                actor());
        return ResponseEntity.created(URI.create("/api/v1/participants/" + created.id()))
                .body(created);
    }

    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Replaces a participant's values; status SUSPENDED suspends it (no delete), ACTIVE reinstates it")
    @ApiResponse(
            responseCode = "409",
            description = "`version` is not the stored version: the participant changed meanwhile")
    @ApiResponse(responseCode = "422", description = "A value is refused: `errors` names each field")
    ParticipantService.ParticipantView update(@PathVariable String id, @RequestBody ParticipantChange change) {
        return participants.update(
                id,
                new ParticipantRules.Values(
                        change.name(),
                        change.region(),
                        change.format(),
                        change.endpoint(),
                        change.zone(),
                        change.status()),
                change.version(),
                actor());
    }

    /** The administrator's name (read here, not through security's Caller: security already depends on this package). */
    private static String actor() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
