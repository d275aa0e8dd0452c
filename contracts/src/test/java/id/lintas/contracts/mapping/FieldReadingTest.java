package id.lintas.contracts.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.Participant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.api.Test;

class FieldReadingTest {

    private static final Participant KUKAR =
            new Participant("kukar", "DP3A Kabupaten Kutai Kartanegara", "64.02", ZoneId.of("Asia/Makassar"));

    @Test
    void takesASendersLocalTimeWithTheSendersOffset() {
        OffsetDateTime time = FieldReading.senderTime(LocalDateTime.of(2025, 7, 21, 9, 15), KUKAR);

        assertThat(time).isEqualTo(OffsetDateTime.parse("2025-07-21T09:15:00+08:00"));
    }

    @Test
    void givesAnAncientLocalTimeAnOffsetInWholeMinutesSoFhirCanHoldIt() {
        LocalDateTime yearOne = LocalDateTime.of(1, 7, 21, 9, 15);

        OffsetDateTime time = FieldReading.senderTime(yearOne, KUKAR);

        assertThat(time.getOffset().getTotalSeconds() % 60).isZero();
        assertThat(time.toInstant()).isEqualTo(yearOne.atZone(KUKAR.zone()).toInstant());
        assertThat(new DateTimeType(time.toString()).getYear()).isEqualTo(1);
    }
}
