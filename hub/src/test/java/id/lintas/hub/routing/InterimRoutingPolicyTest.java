package id.lintas.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.Participant;
import id.lintas.hub.participant.AdapterRegistry;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.participant.ParticipantProperties;
import id.lintas.hub.participant.ParticipantProperties.Settings;
import id.lintas.hub.referral.ReferralFacts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterimRoutingPolicyTest {

    private static final String KUKAR_REGION = "64.02";
    private static final String PPU_REGION = "64.09";
    private static final String SAMARINDA = "64.72";

    private final ParticipantDirectory directory = new ParticipantDirectory(
            new ParticipantProperties(Map.of(
                    "kukar", new Settings("UPTD PPA Kukar", KUKAR_REGION, "kukar-json", null, ZoneId.of("Asia/Makassar")),
                    "ppu", new Settings("UPTD PPA PPU", PPU_REGION, "ppu-csv", null, ZoneId.of("Asia/Makassar")))),
            new AdapterRegistry());
    private final InterimRoutingPolicy policy = new InterimRoutingPolicy(directory);
    private final Participant kukar = directory.get("kukar").participant();

    @Test
    void sendsToTheRegionTheSenderNamesEvenWhenTheVictimLivesElsewhere() {
        RoutingDecision decision = policy.decide(kukar, facts(PPU_REGION, SAMARINDA, SAMARINDA));

        assertThat(decision.routes()).singleElement().satisfies(route -> {
            assertThat(route.participantId()).isEqualTo("ppu");
            assertThat(route.reason()).contains("named by the sender").contains("Penajam Paser Utara");
        });
    }

    @Test
    void withoutANamedRegionSendsToTheVictimsHomeRegion() {
        RoutingDecision decision = policy.decide(kukar, facts(null, PPU_REGION, KUKAR_REGION));

        assertThat(decision.routes()).extracting(RoutingDecision.Route::participantId).containsExactly("ppu");
    }

    @Test
    void victimLivingInTheSendersRegionIsSentWhereTheViolenceHappened() {
        RoutingDecision decision = policy.decide(kukar, facts(null, KUKAR_REGION, PPU_REGION));

        assertThat(decision.routes()).extracting(RoutingDecision.Route::participantId).containsExactly("ppu");
    }

    @Test
    void refusesARegionNoParticipantServes() {
        RoutingDecision decision = policy.decide(kukar, facts(SAMARINDA, null, null));

        assertThat(decision.isRouted()).isFalse();
        assertThat(decision.refusal()).contains("Kota Samarinda").contains("no participant");
    }

    @Test
    void refusesSendingARegionItsOwnCase() {
        RoutingDecision decision = policy.decide(kukar, facts(KUKAR_REGION, null, null));

        assertThat(decision.refusal()).contains("sender's own region");
    }

    @Test
    void refusesAReferralThatNamesNoRegionAtAll() {
        assertThat(policy.decide(kukar, facts(null, null, null)).refusal()).contains("names no destination");
    }

    private static ReferralFacts facts(String requested, String domicile, String incident) {
        return new ReferralFacts("RUJUKAN", "TINGGI", requested, domicile, incident, KUKAR_REGION, Instant.now());
    }
}
