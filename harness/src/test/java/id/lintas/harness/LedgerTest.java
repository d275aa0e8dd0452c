package id.lintas.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerTest {

    private final Ledger ledger = new Ledger();

    private Tally kukar() {
        return ledger.tally().get(EntryPoint.KUKAR_HTTP);
    }

    /** Kukar cases sent once and accepted, each under the hub id {@code id-<case>}. */
    private void accepted(String... caseNumbers) {
        for (String c : caseNumbers) {
            ledger.expect(c, EntryPoint.KUKAR_HTTP);
            ledger.sent(c);
            ledger.accepted(c, "id-" + c);
        }
    }

    @Test
    void aRetryUnderTheSameKeyIsARedeliveryNotADuplicate() {
        ledger.expect("KKR/1", EntryPoint.KUKAR_HTTP);
        ledger.sent("KKR/1");
        ledger.accepted("KKR/1", "id-1");
        ledger.delivered("KKR/1", "id-1", "key:a");
        ledger.delivered("KKR/1", "id-1", "key:a");

        assertThat(kukar()).isEqualTo(new Tally(1, 1, 1, 0, 0, 1, 0, 0, 0, 0));
    }

    @Test
    void twoEffectsOfOneCaseAreADuplicateAndSoAreDeliveriesWithoutKey() {
        accepted("KKR/1", "KKR/2");
        ledger.delivered("KKR/1", "id-KKR/1", "key:a");
        ledger.delivered("KKR/1", "id-KKR/1", "key:b");
        ledger.delivered("KKR/2", "id-KKR/2", null);
        ledger.delivered("KKR/2", "id-KKR/2", null);

        assertThat(kukar().duplicated()).isEqualTo(2);
        assertThat(kukar().redelivered()).isZero();
        assertThat(ledger.unkeyedDeliveries()).isEqualTo(2);
    }

    @Test
    void aCaseGivenTwoHubIdsIsADuplicateEvenWithOneEffect() {
        ledger.expect("KKR/1", EntryPoint.KUKAR_HTTP);
        ledger.sent("KKR/1");
        ledger.accepted("KKR/1", "id-1");
        ledger.sent("KKR/1");
        ledger.accepted("KKR/1", "id-2");
        ledger.delivered("KKR/1", "id-2", "file#1");

        assertThat(kukar().duplicated()).isEqualTo(1);
        assertThat(kukar().resent()).isEqualTo(1);
    }

    @Test
    void acceptedButUndeliveredOrForgottenIsLost() {
        accepted("KKR/1", "KKR/2", "KKR/3");
        ledger.delivered("KKR/2", "id-KKR/2", "key:x");
        ledger.recorded("KKR/2", false);
        ledger.delivered("KKR/3", "id-KKR/3", "key:y");
        ledger.recorded("KKR/3", true);

        Tally t = kukar();
        assertThat(t.lost()).isEqualTo(2);
        assertThat(t.forgotten()).isEqualTo(1);
        assertThat(t.delivered()).isEqualTo(2);
    }

    @Test
    void aCaseNeverAnsweredIsUnacknowledgedNotLostAndARefusalIsNotExpectedToArrive() {
        ledger.expect("KKR/1", EntryPoint.KUKAR_HTTP);
        ledger.expect("KKR/2", EntryPoint.KUKAR_HTTP);
        ledger.sent("KKR/1");
        ledger.sent("KKR/1");
        ledger.sent("KKR/2");
        ledger.refused("KKR/2", "HTTP 400");

        assertThat(kukar()).isEqualTo(new Tally(2, 0, 0, 0, 0, 0, 1, 1, 0, 1));
        assertThat(ledger.undelivered()).isZero();
    }

    @Test
    void namesTheLostAndTheDuplicatedCases() {
        accepted("KKR/1", "KKR/2", "KKR/3");
        ledger.delivered("KKR/2", "id-KKR/2", null);
        ledger.delivered("KKR/2", "id-KKR/2", null);
        ledger.delivered("KKR/3", "id-KKR/3", "key:a");

        assertThat(ledger.faulty(10))
                .containsExactly(
                        "lost KKR/1 [id-KKR/1], 0 deliveries, 0 effects",
                        "duplicated KKR/2 [id-KKR/2], 2 deliveries, 2 effects");
    }

    @Test
    void aDeliveryOfAnUnknownCaseIsCountedApart() {
        ledger.delivered("KKR/unknown", "id", "key:z");

        assertThat(ledger.strangerDeliveries()).isEqualTo(1);
        assertThat(ledger.tally().values()).allMatch(Tally.ZERO::equals);
    }
}
