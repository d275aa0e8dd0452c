package id.lintas.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Kukar's webhook as its FORMAT.md describes it: 201 for a new referral, 200 for a status. */
final class KukarStubs {

    static final String REFERRALS = "/kukar/api/rujukan-masuk";
    static final String STATUS = "/kukar/api/rujukan/.+/status";

    private KukarStubs() {}

    static void answerNormally(WireMockServer kukar) {
        kukar.stubFor(post(urlPathEqualTo(REFERRALS))
                .atPriority(5)
                .willReturn(aResponse().withStatus(201)));
        kukar.stubFor(post(urlPathMatching(STATUS))
                .atPriority(5)
                .willReturn(aResponse().withStatus(200)));
    }
}
