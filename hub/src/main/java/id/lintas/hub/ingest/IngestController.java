package id.lintas.hub.ingest;

import id.lintas.hub.Endpoints;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The regions' HTTP API: a referral or a status change, in the participant's own format. */
@RestController
class IngestController {

    private final ProducerTemplate producer;

    private final IntakeTurns turns;

    IngestController(ProducerTemplate producer, IntakeTurns turns) {
        this.producer = producer;
        this.turns = turns;
    }

    @PostMapping(
            value = "/api/v1/participants/{participantId}/referrals",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<Map<String, Object>> referral(
            @PathVariable String participantId,
            @RequestBody byte[] body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        ReferralIntake.Result result =
                send(Endpoints.INGEST_REFERRAL, body, participantId, contentType, ReferralIntake.Result.class);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("referralId", result.referralId().toString());
        answer.put("status", result.status());
        answer.put("destinations", result.destinations());
        if (result.refusal() != null) {
            answer.put("refusal", result.refusal());
        }
        if (result.notCovered() != null) {
            answer.put("notCovered", result.notCovered());
        }
        answer.put("duplicate", result.duplicate());
        URI self = URI.create("/api/v1/referrals/" + result.referralId());
        return ResponseEntity.accepted().location(self).body(answer);
    }

    @PostMapping(
            value = "/api/v1/participants/{participantId}/status",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<Map<String, Object>> status(
            @PathVariable String participantId,
            @RequestBody byte[] body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        var result = send(
                Endpoints.INGEST_STATUS,
                body,
                participantId,
                contentType,
                id.lintas.hub.lifecycle.StatusService.Result.class);
        return ResponseEntity.ok(Map.of(
                "referralId", result.referralId().toString(),
                "status", result.status(),
                "changed", result.changed()));
    }

    private <T> T send(String endpoint, byte[] body, String participantId, String contentType, Class<T> type) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(Ingest.PARTICIPANT, participantId);
        headers.put(Ingest.MEDIA_TYPE, contentType);
        // A turn of intake before anything is kept: a refused request leaves nothing behind.
        try (IntakeTurns.Turn turn = turns.forRequest()) {
            return producer.requestBodyAndHeaders(endpoint, body, headers, type);
        } catch (CamelExecutionException e) {
            throw Ingest.stepFailure(e);
        }
    }
}
