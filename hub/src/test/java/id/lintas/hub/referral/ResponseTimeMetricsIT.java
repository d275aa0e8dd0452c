package id.lintas.hub.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.hub.HubIntegrationTest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code lintas.referrals.overdue} follows the receivers: one that was not connected at start gets its gauge. */
class ResponseTimeMetricsIT extends HubIntegrationTest {

    private static final String LATE_RECEIVER = "it-connected-after-start";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private ResponseTimeMetrics metrics;

    @Autowired
    private MeterRegistry meters;

    @Test
    void aReceiverNotConnectedAtStartGetsItsOverdueGauge() throws Exception {
        ObjectNode referral = (ObjectNode)
                JSON.readTree(Files.readString(samples("kukar-json").resolve("referral-tppo-to-ppu.json")));
        referral.put("no_registrasi", "KKR/IT/OVERDUE-" + System.nanoTime());
        String id = JSON.readTree(postKukar("referrals", referral.toString()).getBody())
                .path("referralId")
                .asText();
        assertThat(meters.find("lintas.referrals.overdue")
                        .tag("receiver", LATE_RECEIVER)
                        .gauge())
                .isNull();
        try {
            assertThat(jdbc.sql(
                                    "insert into referral_route (referral_id, participant_id, agreement_id, agreement_version, via, services,"
                                            + " subject_to_availability, data, respond_by, status)"
                                            + " select referral_id, ?, agreement_id, agreement_version, via, services, subject_to_availability, data,"
                                            + " now() - interval '1 hour', 'REQUESTED' from referral_route where referral_id = ?::uuid and participant_id = 'ppu'")
                            .params(LATE_RECEIVER, id)
                            .update())
                    .isEqualTo(1);

            metrics.registerReceiversSeenSinceStart();

            Gauge overdue = meters.find("lintas.referrals.overdue")
                    .tag("receiver", LATE_RECEIVER)
                    .gauge();
            assertThat(overdue).isNotNull();
            assertThat(overdue.value()).isEqualTo(1.0);
            assertThat(meters.find("lintas.referrals.overdue")
                            .tag("receiver", "ppu")
                            .gauge())
                    .isNotNull();
        } finally {
            jdbc.sql("delete from referral_route where participant_id = ?")
                    .param(LATE_RECEIVER)
                    .update();
        }
    }
}
