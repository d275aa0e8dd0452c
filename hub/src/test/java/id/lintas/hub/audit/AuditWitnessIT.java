package id.lintas.hub.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.google.crypto.tink.subtle.Ed25519Sign;
import id.lintas.hub.HubIntegrationTest;
import id.lintas.hub.witness.WitnessCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code audit witness} as a region's system runs it against the running hub: it cosigns, and on its next run
 * checks a consistency proof from the checkpoint it kept; a hub that serves a rolled-back or a forked
 * checkpoint (a stand-in serving what a dishonest hub would, signed with the hub's own key) is refused.
 */
class AuditWitnessIT extends HubIntegrationTest {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditSequencer sequencer;

    @Autowired
    AuditService service;

    @Autowired
    CheckpointSigner signer;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aRegionsWitnessCosignsChecksConsistencyOnItsNextRunAndRefusesARolledBackOrForkedLog(@TempDir Path dir)
            throws Exception {
        Path clientKey = dir.resolve("kukar-client.jwk.json");
        Files.writeString(clientKey, credentials.clientKey("kukar").toJSONString());
        String name = "kukar-witness-" + UUID.randomUUID().toString().substring(0, 8);
        Path witnessKey = dir.resolve("kukar-witness.jwk.json");
        SignedNote.VerifierKey cosigner = registeredWitnessKey("kukar", name, witnessKey);
        Path state = dir.resolve("witness-state.txt");
        String vkey = service.verifierKey().toString();

        grow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int first = AuditLogIT.runJar(out, args("http://localhost:" + port, clientKey, witnessKey, vkey, state));
        assertThat(first).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("OK: cosigned", "the first this witness saw", "cosigner key: " + cosigner);
        long firstSize = seenSize(state);
        assertThat(cosignedByHub(firstSize, cosigner)).isTrue();

        grow();
        String second = run(args("http://localhost:" + port, clientKey, witnessKey, vkey, state), 0);
        long secondSize = seenSize(state);
        assertThat(secondSize).isGreaterThan(firstSize);
        assertThat(second).contains("consistent with the one of tree size " + firstSize + " seen before");
        assertThat(cosignedByHub(secondSize, cosigner)).isTrue();

        WireMockServer dishonest = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        dishonest.start();
        try {
            dishonest.stubFor(post(urlPathEqualTo("/oauth2/token"))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
            String kept = Files.readString(state);
            String[] againstDishonest = args(dishonest.baseUrl(), clientKey, witnessKey, vkey, state);

            // Rolled back: the checkpoint it served before, smaller than the one this witness saw last.
            serve(dishonest, service.checkpoint(firstSize));
            String rolledBack = run(againstDishonest, 1);
            assertThat(rolledBack)
                    .contains("REFUSED: the log was rolled back")
                    .contains("smaller than the earlier size " + secondSize);

            // Forked: the size this witness saw, another root, signed with the hub's own key.
            byte[] otherRoot = new byte[32];
            new SecureRandom().nextBytes(otherRoot);
            serve(
                    dishonest,
                    signer.sign(new Checkpoint(signer.origin(), secondSize, otherRoot))
                            .serialize());
            assertThat(run(againstDishonest, 1)).contains("REFUSED").contains("a forked log");

            assertThat(Files.readString(state))
                    .as("the state keeps the checkpoint seen last")
                    .isEqualTo(kept);
            assertThat(Files.exists(state.resolveSibling(state.getFileName() + ".refused")))
                    .isTrue();
            dishonest.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/audit/checkpoint/cosignatures")));
        } finally {
            dishonest.stop();
        }
    }

    private String[] args(String hub, Path clientKey, Path witnessKey, String vkey, Path state) {
        return new String[] {
            "audit",
            "witness",
            "--hub",
            hub,
            "--participant",
            "kukar",
            "--client-key",
            clientKey.toString(),
            "--witness-key",
            witnessKey.toString(),
            "--log-key",
            vkey,
            "--state",
            state.toString(),
            "--issuer",
            credentials.issuer()
        };
    }

    private static String run(String[] args, int expected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = WitnessCommand.run(args, print, print);
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void serve(WireMockServer hub, String checkpoint) {
        hub.stubFor(get(urlPathEqualTo("/api/v1/audit/checkpoint"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/plain;charset=UTF-8")
                        .withBody(checkpoint)));
    }

    /** One more entry, sequenced: the log grows between the witness's runs. */
    private void grow() {
        transactions.executeWithoutResult(status -> audit.append(AuditEvent.of(AuditKind.INTAKE_RECEIVED)
                .withActor("kukar", "kukar", "PARTICIPANT")
                .withReferral(UUID.randomUUID())
                .withParties("kukar", "ppu")
                .withOutcome("RECEIVED")));
        sequencer.seal();
    }

    private static long seenSize(Path state) throws Exception {
        return Checkpoint.parse(SignedNote.parse(Files.readString(state)).text())
                .size();
    }

    private boolean cosignedByHub(long size, SignedNote.VerifierKey cosigner) {
        SignedNote served = SignedNote.parse(service.checkpoint(size));
        return served.signatureOf(cosigner)
                .map(line -> Checkpoint.cosignedBy(cosigner, served.text(), line))
                .orElse(false);
    }

    /** A WITNESS key registered by the operator and approved by the participant's signer; its private JWK into file. */
    private SignedNote.VerifierKey registeredWitnessKey(String participant, String name, Path file) throws Exception {
        Ed25519Sign.KeyPair pair = Ed25519Sign.KeyPair.newKeyPair();
        Base64.Encoder b64url = Base64.getUrlEncoder().withoutPadding();
        String publicJwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"" + name + "\",\"x\":\""
                + b64url.encodeToString(pair.getPublicKey()) + "\"}";
        Files.writeString(
                file,
                publicJwk.substring(0, publicJwk.length() - 1) + ",\"d\":\""
                        + b64url.encodeToString(pair.getPrivateKey()) + "\"}");
        List<ResponseEntity<String>> answers = new ArrayList<>();
        answers.add(exchange(
                credentials.basic("operator"),
                HttpMethod.POST,
                "/api/v1/participants/" + participant + "/witness-keys",
                publicJwk));
        answers.add(exchange(
                credentials.basic("signer-" + participant),
                HttpMethod.POST,
                "/api/v1/participants/" + participant + "/witness-keys/" + name + "/approval",
                null));
        assertThat(answers.get(0).getStatusCode().value())
                .as(answers.get(0).getBody())
                .isEqualTo(201);
        assertThat(answers.get(1).getStatusCode().value())
                .as(answers.get(1).getBody())
                .isEqualTo(200);
        return SignedNote.VerifierKey.of(name, SignedNote.COSIGNATURE_V1, pair.getPublicKey());
    }
}
