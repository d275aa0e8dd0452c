package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A victim referred many times: a record lists the newest of their other referrals, not all of them. */
class SameVictimLimitIT extends HubIntegrationTest {

    @Test
    void aRecordListsTheNewestFiftyOtherReferralsOfTheSameVictimAndSaysThereAreMore() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            String body = sample("kukar-json", "referral-tppo-to-ppu.json")
                    .replace("KKR/2025/0412", "KKR/SAME/" + System.nanoTime());
            mine.add(Samples.json(postKukar("referrals", body).getBody())
                    .get("referralId")
                    .asText());
        }
        String newest = mine.get(mine.size() - 1);

        JsonNode record = Samples.json(http.getForObject("/api/v1/referrals/" + newest, String.class));

        List<String> listed = new ArrayList<>();
        record.get("sameVictimReferrals").forEach(id -> listed.add(id.asText()));
        // Newest first: the 51 others of this test from mine[50] down to mine[1]; mine[0] and older ones are left out.
        assertThat(listed)
                .hasSize(50)
                .doesNotContain(newest, mine.get(0))
                .startsWith(mine.get(50), mine.get(49))
                .endsWith(mine.get(1));
        assertThat(record.get("sameVictimReferralsMore").asBoolean()).isTrue();
    }
}
