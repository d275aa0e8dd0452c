package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A victim referred more times than one page holds: the record links to the next page, and the
 * same-victim endpoint pages on by keyset (newest first) until {@code next} is null, each referral once.
 */
class SameVictimPagesIT extends HubIntegrationTest {

    @Test
    void theRecordLinksToTheNextPageAndThePagesListEveryOtherReferralOfTheVictimOnce() {
        List<String> mine = referSameVictim(53);
        String newest = mine.get(mine.size() - 1);
        String kukar = credentials.bearer("kukar");

        JsonNode record = Samples.json(http.getForObject("/api/v1/referrals/" + newest, String.class));
        List<String> first = ids(record.get("sameVictimReferrals"));
        String next = record.get("sameVictimReferralsNext").asText();

        // The record's 50 are mine[51] down to mine[2]; the next page goes on with mine[1], mine[0].
        assertThat(first).hasSize(50).startsWith(mine.get(51)).endsWith(mine.get(2));
        assertThat(next).isEqualTo("/api/v1/referrals/" + newest + "/same-victim?after=" + mine.get(2) + "&limit=50");
        JsonNode second =
                Samples.json(exchange(kukar, HttpMethod.GET, next, null).getBody());
        assertThat(ids(second.get("referrals"))).startsWith(mine.get(1), mine.get(0));

        // Small pages from the start, followed to the end: every other referral once, newest first.
        List<String> all = new ArrayList<>();
        String page = "/api/v1/referrals/" + newest + "/same-victim?limit=7";
        int pages = 0;
        while (page != null) {
            ResponseEntity<String> answer = exchange(kukar, HttpMethod.GET, page, null);
            assertThat(answer.getStatusCode().value()).isEqualTo(200);
            JsonNode body = Samples.json(answer.getBody());
            List<String> ids = ids(body.get("referrals"));
            assertThat(ids).hasSizeLessThanOrEqualTo(7);
            all.addAll(ids);
            page = body.get("next").isNull() ? null : body.get("next").asText();
            pages++;
        }
        assertThat(pages).isGreaterThan(7);
        assertThat(all).doesNotHaveDuplicates().doesNotContain(newest).startsWith(first.toArray(String[]::new));
        List<String> mineNewestFirst = new ArrayList<>(mine.subList(0, 52));
        Collections.reverse(mineNewestFirst);
        assertThat(all.subList(0, 52)).isEqualTo(mineNewestFirst);
    }

    @Test
    void refusesACursorThatIsNoReferralAndAPageTooLargeNamingTheField() {
        String newest = referSameVictim(1).get(0);

        ResponseEntity<String> answer = exchange(
                credentials.bearer("kukar"),
                HttpMethod.GET,
                "/api/v1/referrals/" + newest + "/same-victim?after=not-an-id&limit=1000",
                null);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = Samples.json(answer.getBody());
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("after", "limit");
    }

    @Test
    void onlyTheRegionsThatSentOrReceivedTheReferralSeeItsLinks() {
        String newest = referSameVictim(1).get(0);
        String path = "/api/v1/referrals/" + newest + "/same-victim";

        List<String> receivers = jdbc.sql("select participant_id from referral_route where referral_id = ?::uuid")
                .param(newest)
                .query(String.class)
                .list();
        String stranger = TestCredentials.PARTICIPANTS.stream()
                .filter(p -> !p.equals("kukar") && !receivers.contains(p))
                .findFirst()
                .orElseThrow();

        assertThat(exchange(credentials.bearer("kukar"), HttpMethod.GET, path, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(exchange(credentials.bearer(stranger), HttpMethod.GET, path, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(exchange(credentials.basic("operator"), HttpMethod.GET, path, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    private List<String> referSameVictim(int times) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            String body = sample("kukar-json", "referral-tppo-to-ppu.json")
                    .replace("KKR/2025/0412", "KKR/PAGES/" + System.nanoTime());
            ids.add(Samples.json(postKukar("referrals", body).getBody())
                    .get("referralId")
                    .asText());
        }
        return ids;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asText()));
        return ids;
    }
}
