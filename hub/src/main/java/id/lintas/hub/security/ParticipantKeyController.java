package id.lintas.hub.security;

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

/**
 * Participants' public keys (JWK): signing keys, managed by the party's own signers before they sign
 * agreements, and client keys, registered by an operator and approved by a signer of the participant
 * or by a second operator before the participant's system can obtain tokens with them. Who may call
 * which is decided by the security configuration; the four-eyes rule of approval is the service's.
 */
@RestController
class ParticipantKeyController {

    private final ParticipantKeys keys;

    ParticipantKeyController(ParticipantKeys keys) {
        this.keys = keys;
    }

    @PostMapping(value = "/api/v1/participants/{participant}/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ParticipantKeys.KeyView> register(@PathVariable String participant, @RequestBody JsonNode jwk) {
        return registered(participant, KeyPurpose.SIGNING, "keys", jwk);
    }

    @GetMapping("/api/v1/participants/{participant}/keys")
    List<ParticipantKeys.KeyView> keys(@PathVariable String participant) {
        return keys.keys(participant, KeyPurpose.SIGNING);
    }

    @DeleteMapping("/api/v1/participants/{participant}/keys/{kid}")
    ResponseEntity<Void> revoke(@PathVariable String participant, @PathVariable String kid) {
        keys.revokeKey(participant, KeyPurpose.SIGNING, kid, Caller.required().name());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/api/v1/participants/{participant}/client-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ParticipantKeys.KeyView> registerClientKey(
            @PathVariable String participant, @RequestBody JsonNode jwk) {
        return registered(participant, KeyPurpose.CLIENT, "client-keys", jwk);
    }

    @GetMapping("/api/v1/participants/{participant}/client-keys")
    List<ParticipantKeys.KeyView> clientKeys(@PathVariable String participant) {
        return keys.keys(participant, KeyPurpose.CLIENT);
    }

    @PostMapping("/api/v1/participants/{participant}/client-keys/{kid}/approval")
    ParticipantKeys.KeyView approveClientKey(@PathVariable String participant, @PathVariable String kid) {
        return keys.approveClientKey(participant, kid, Caller.required());
    }

    @GetMapping("/api/v1/participants/{participant}/key-events")
    List<ParticipantKeys.KeyEvent> keyEvents(@PathVariable String participant) {
        return keys.keyEvents(participant);
    }

    @DeleteMapping("/api/v1/participants/{participant}/client-keys/{kid}")
    ResponseEntity<Void> revokeClientKey(@PathVariable String participant, @PathVariable String kid) {
        keys.revokeKey(participant, KeyPurpose.CLIENT, kid, Caller.required().name());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/api/v1/participants/{participant}/witness-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ParticipantKeys.KeyView> registerWitnessKey(
            @PathVariable String participant, @RequestBody JsonNode jwk) {
        return registered(participant, KeyPurpose.WITNESS, "witness-keys", jwk);
    }

    @GetMapping("/api/v1/participants/{participant}/witness-keys")
    List<ParticipantKeys.KeyView> witnessKeys(@PathVariable String participant) {
        return keys.keys(participant, KeyPurpose.WITNESS);
    }

    @PostMapping("/api/v1/participants/{participant}/witness-keys/{kid}/approval")
    ParticipantKeys.KeyView approveWitnessKey(@PathVariable String participant, @PathVariable String kid) {
        return keys.approveKey(participant, KeyPurpose.WITNESS, kid, Caller.required());
    }

    @DeleteMapping("/api/v1/participants/{participant}/witness-keys/{kid}")
    ResponseEntity<Void> revokeWitnessKey(@PathVariable String participant, @PathVariable String kid) {
        keys.revokeKey(participant, KeyPurpose.WITNESS, kid, Caller.required().name());
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<ParticipantKeys.KeyView> registered(
            String participant, KeyPurpose purpose, String path, JsonNode jwk) {
        ParticipantKeys.KeyView key =
                keys.registerKey(participant, purpose, jwk, Caller.required().name());
        return ResponseEntity.created(URI.create("/api/v1/participants/" + participant + "/" + path + "/" + key.kid()))
                .body(key);
    }
}
