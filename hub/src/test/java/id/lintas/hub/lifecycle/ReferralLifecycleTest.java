package id.lintas.hub.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.ReferralStatus;
import id.lintas.hub.lifecycle.ReferralLifecycle.Party;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferralLifecycleTest {

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @CsvSource({
        "REQUESTED, ACCEPTED,  RECEIVER",
        "REQUESTED, REJECTED,  RECEIVER",
        "REQUESTED, CANCELLED, SENDER",
        "ACCEPTED,  COMPLETED, RECEIVER",
        "ACCEPTED,  CANCELLED, SENDER",
    })
    void allowsTheLifeOfAReferral(String current, ReferralStatus next, Party party) {
        assertThat(ReferralLifecycle.refusal(current, next, party)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}: {3}")
    @CsvSource({
        "REQUESTED, ACCEPTED,  SENDER,   only the receiving region",
        "REQUESTED, REJECTED,  SENDER,   only the receiving region",
        "ACCEPTED,  COMPLETED, SENDER,   only the receiving region",
        "REQUESTED, CANCELLED, RECEIVER, only the sending region",
        "REQUESTED, COMPLETED, RECEIVER, cannot become completed",
        "REJECTED,  ACCEPTED,  RECEIVER, cannot become accepted",
        "COMPLETED, CANCELLED, SENDER,   cannot become cancelled",
        "CANCELLED, ACCEPTED,  RECEIVER, cannot become accepted",
        "REQUESTED, REQUESTED, SENDER,   set by the hub",
    })
    void refusesWhatThePartyMayNotDo(String current, ReferralStatus next, Party party, String reason) {
        assertThat(ReferralLifecycle.refusal(current, next, party)).contains(reason);
    }
}
