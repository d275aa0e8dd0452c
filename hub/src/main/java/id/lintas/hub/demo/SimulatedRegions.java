package id.lintas.hub.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import id.lintas.contracts.spi.Transport;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** A WireMock server for each HTTP participant that has no endpoint configured (demo profile only). */
@Component
@Profile("demo")
class SimulatedRegions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulatedRegions.class);

    private static final String CAPABILITY_STATEMENT = "{\"resourceType\":\"CapabilityStatement\",\"status\":\"active\","
            + "\"date\":\"2025-01-01\",\"kind\":\"instance\",\"fhirVersion\":\"4.0.1\",\"format\":[\"json\"],"
            + "\"rest\":[{\"mode\":\"server\"}]}";

    private final Map<String, WireMockServer> servers = new LinkedHashMap<>();

    SimulatedRegions(ParticipantDirectory participants) {
        List<Connected> simulated = new ArrayList<>(participants.withTransport(Transport.HTTP));
        simulated.addAll(participants.withTransport(Transport.FHIR));
        for (Connected participant : simulated) {
            if (participant.endpoint() != null) {
                continue;
            }
            // The admin API (/__admin) would let anyone on the machine read every body received and change
            // the answers: it refuses every call. The hub reads the journal through WireMock's Java API.
            WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                    .adminAuthenticator(request -> false));
            server.start();
            // Answers as a region's own system does: 201 for a new referral, 200 for a status change.
            server.stubFor(post(urlPathEqualTo("/api/rujukan-masuk"))
                    .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                            .withBody("{\"pesan\":\"diterima (simulasi)\"}")));
            server.stubFor(post(urlPathMatching("/api/rujukan/.+/status"))
                    .willReturn(aResponse().withStatus(200)));
            server.stubFor(post(urlPathMatching("/.*")).atPriority(10)
                    .willReturn(aResponse().withStatus(201)));
            if (participant.adapter().transport() == Transport.FHIR) {
                // A FHIR client reads the server's CapabilityStatement before its first call.
                server.stubFor(get(urlPathEqualTo("/metadata"))
                        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json")
                                .withBody(CAPABILITY_STATEMENT)));
                // A FHIR server answers a transaction or a message with a Bundle.
                server.stubFor(post(urlPathMatching("/.*")).atPriority(5)
                        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json")
                                .withBody("{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\"}")));
            }
            URI endpoint = URI.create("http://127.0.0.1:" + server.port());
            participants.simulate(participant.id(), endpoint);
            servers.put(participant.id(), server);
            log.info("Participant {} has no endpoint: simulated at {}", participant.id(), endpoint);
        }
    }

    /** What a simulated region received, oldest first. */
    Optional<List<LoggedRequest>> received(String participantId) {
        return Optional.ofNullable(servers.get(participantId)).map(server -> {
            List<LoggedRequest> requests = new ArrayList<>(
                    server.getAllServeEvents().stream().map(ServeEvent::getRequest).toList());
            Collections.reverse(requests);
            return requests;
        });
    }

    @Override
    public void destroy() {
        servers.values().forEach(WireMockServer::stop);
    }
}
