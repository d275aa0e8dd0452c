package id.lintas.hub.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Participants' public keys (JWK), registered before their signers sign agreements. */
@RestController
class ParticipantKeyController {

    private final AgreementService agreements;

    ParticipantKeyController(AgreementService agreements) {
        this.agreements = agreements;
    }

    @PostMapping(value = "/api/v1/participants/{participant}/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgreementService.KeyView> register(@PathVariable String participant, @RequestBody JsonNode jwk) {
        AgreementService.KeyView key = agreements.registerKey(participant, jwk, AgreementController.ACTOR);
        return ResponseEntity.created(URI.create("/api/v1/participants/" + participant + "/keys/" + key.kid())).body(key);
    }

    @GetMapping("/api/v1/participants/{participant}/keys")
    List<AgreementService.KeyView> keys(@PathVariable String participant) {
        return agreements.keys(participant);
    }

    @DeleteMapping("/api/v1/participants/{participant}/keys/{kid}")
    ResponseEntity<Void> revoke(@PathVariable String participant, @PathVariable String kid) {
        agreements.revokeKey(participant, kid, AgreementController.ACTOR);
        return ResponseEntity.noContent().build();
    }
}
