package id.lintas.hub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import id.lintas.hub.agreement.AgreementProblem;
import id.lintas.hub.agreement.AgreementService;
import id.lintas.hub.agreement.AgreementStatus;
import id.lintas.hub.agreement.AgreementView;
import id.lintas.hub.agreement.DetachedSigner;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.security.KeyPurpose;
import id.lintas.hub.security.ParticipantKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Demo only: registers the shipped example agreements and signs them for every party with the
 * synthetic demo keys ({@code demo/keys}), through the same service and checks as the API, so the
 * demo routes from its first referral. Agreements whose parties are not all connected are skipped.
 */
@Component
@Profile("demo")
class DemoAgreements {

    private static final Logger log = LoggerFactory.getLogger(DemoAgreements.class);
    private static final String ACTOR = DemoCredentials.ACTOR;

    private final AgreementService agreements;
    private final ParticipantKeys keys;
    private final ParticipantDirectory participants;
    private final ObjectMapper json;

    DemoAgreements(
            AgreementService agreements, ParticipantKeys keys, ParticipantDirectory participants, ObjectMapper json) {
        this.agreements = agreements;
        this.keys = keys;
        this.participants = participants;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerAndSign() throws IOException {
        Resource[] examples =
                new PathMatchingResourcePatternResolver().getResources("classpath*:agreement/examples/*.json");
        Arrays.sort(examples, Comparator.comparing(Resource::getFilename));
        for (Resource example : examples) {
            JsonNode document;
            try (InputStream in = example.getInputStream()) {
                document = json.readTree(in);
            }
            String id = document.path("id").asText();
            boolean allConnected = true;
            for (JsonNode party : document.path("parties")) {
                allConnected &=
                        participants.find(party.path("participant").asText()).isPresent();
            }
            if (!allConnected) {
                log.info("Demo agreement {} skipped: not all of its parties are connected", id);
                continue;
            }
            try {
                AgreementView current = agreements.current(id);
                if (current.status() != AgreementStatus.DRAFT) {
                    continue;
                }
            } catch (AgreementProblem notYetRegistered) {
                agreements.register(document, ACTOR);
            }
            String canonical = agreements.canonical(id, 1);
            for (JsonNode party : document.path("parties")) {
                String participant = party.path("participant").asText();
                JWK key = demoKey(participant);
                if (keys.keys(participant, KeyPurpose.SIGNING).stream()
                        .noneMatch(k -> k.kid().equals(key.getKeyID()))) {
                    keys.registerKey(
                            participant,
                            KeyPurpose.SIGNING,
                            json.readTree(key.toPublicJWK().toJSONString()),
                            ACTOR);
                }
                if (agreements.view(id, 1).parties().stream()
                        .noneMatch(p -> p.participant().equals(participant) && p.signed())) {
                    agreements.sign(id, 1, participant, DetachedSigner.sign(canonical, key), ACTOR);
                }
            }
            log.info("Demo agreement {} is {}", id, agreements.current(id).status());
        }
    }

    private static JWK demoKey(String participant) throws IOException {
        try (InputStream in = DemoAgreements.class.getResourceAsStream("/demo/keys/" + participant + ".jwk.json")) {
            if (in == null) {
                throw new IllegalStateException("no demo key for " + participant);
            }
            return JWK.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("demo key of " + participant + " is not a JWK", e);
        }
    }
}
