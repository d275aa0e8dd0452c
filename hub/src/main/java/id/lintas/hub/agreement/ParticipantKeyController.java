package id.lintas.hub.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import id.lintas.hub.security.Caller;
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

    private final AgreementService agreements;

    ParticipantKeyController(AgreementService agreements) {
        this.agreements = agreements;
    }

    @PostMapping(value = "/api/v1/participants/{participant}/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgreementService.KeyView> register(@PathVariable String participant, @RequestBody JsonNode jwk) {
        return registered(participant, KeyPurpose.SIGNING, "keys", jwk);
    }

    @GetMapping("/api/v1/participants/{participant}/keys")
    List<AgreementService.KeyView> keys(@PathVariable String participant) {
        return agreements.keys(participant, KeyPurpose.SIGNING);
    }

    @DeleteMapping("/api/v1/participants/{participant}/keys/{kid}")
    ResponseEntity<Void> revoke(@PathVariable String participant, @PathVariable String kid) {
        agreements.revokeKey(participant, KeyPurpose.SIGNING, kid, Caller.required().name());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/api/v1/participants/{participant}/client-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgreementService.KeyView> registerClientKey(@PathVariable String participant, @RequestBody JsonNode jwk) {
        return registered(participant, KeyPurpose.CLIENT, "client-keys", jwk);
    }

    @GetMapping("/api/v1/participants/{participant}/client-keys")
    List<AgreementService.KeyView> clientKeys(@PathVariable String participant) {
        return agreements.keys(participant, KeyPurpose.CLIENT);
    }

    @PostMapping("/api/v1/participants/{participant}/client-keys/{kid}/approval")
    AgreementService.KeyView approveClientKey(@PathVariable String participant, @PathVariable String kid) {
        return agreements.approveClientKey(participant, kid, Caller.required());
    }

    @GetMapping("/api/v1/participants/{participant}/key-events")
    List<AgreementService.KeyEvent> keyEvents(@PathVariable String participant) {
        return agreements.keyEvents(participant);
    }

    @DeleteMapping("/api/v1/participants/{participant}/client-keys/{kid}")
    ResponseEntity<Void> revokeClientKey(@PathVariable String participant, @PathVariable String kid) {
        agreements.revokeKey(participant, KeyPurpose.CLIENT, kid, Caller.required().name());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/api/v1/participants/{participant}/witness-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgreementService.KeyView> registerWitnessKey(@PathVariable String participant, @RequestBody JsonNode jwk) {
        return registered(participant, KeyPurpose.WITNESS, "witness-keys", jwk);
    }

    @GetMapping("/api/v1/participants/{participant}/witness-keys")
    List<AgreementService.KeyView> witnessKeys(@PathVariable String participant) {
        return agreements.keys(participant, KeyPurpose.WITNESS);
    }

    @PostMapping("/api/v1/participants/{participant}/witness-keys/{kid}/approval")
    AgreementService.KeyView approveWitnessKey(@PathVariable String participant, @PathVariable String kid) {
        return agreements.approveKey(participant, KeyPurpose.WITNESS, kid, Caller.required());
    }

    @DeleteMapping("/api/v1/participants/{participant}/witness-keys/{kid}")
    ResponseEntity<Void> revokeWitnessKey(@PathVariable String participant, @PathVariable String kid) {
        agreements.revokeKey(participant, KeyPurpose.WITNESS, kid, Caller.required().name());
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<AgreementService.KeyView> registered(String participant, KeyPurpose purpose, String path, JsonNode jwk) {
        AgreementService.KeyView key = agreements.registerKey(participant, purpose, jwk, Caller.required().name());
        return ResponseEntity.created(URI.create("/api/v1/participants/" + participant + "/" + path + "/" + key.kid())).body(key);
    }
}
