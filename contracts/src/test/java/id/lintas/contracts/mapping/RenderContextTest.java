package id.lintas.contracts.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RenderContextTest {

    private final RenderContext out =
            new RenderContext(Terminology.standard(), RegionTable.standard(), "kukar", ZoneId.of("Asia/Makassar"));

    @Test
    void takesAnInstantAsTheReceiversLocalDate() {
        assertThat(out.date(PartialDateTime.parse("2025-06-30T20:30:00+00:00"), "tgl", "needs a day"))
                .isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(out.date(PartialDateTime.of(LocalDate.of(2025, 6, 30)), "tgl", "needs a day"))
                .isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(out.dateTime(OffsetDateTime.parse("2025-06-30T20:30:00+07:00"))
                        .toLocalTime()
                        .getHour())
                .isEqualTo(21);
    }

    @Test
    void collectsEveryErrorAndReportsThemTogether() {
        assertThat(out.date(PartialDateTime.of(YearMonth.of(2025, 6)), "tgl", "Kukar needs a full date"))
                .isNull();
        assertThat(out.known(new Region(null, "99.99", "9999", null, null, null), "tujuan.kode_wilayah"))
                .isEmpty();
        assertThat(out.code("status", ReferralStatuses.TASK_STATUS, "no-such-status", "status"))
                .isNull();

        TranslationException e = catchThrowableOfType(TranslationException.class, out::throwIfErrors);

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("tgl", "tujuan.kode_wilayah", "status");
        assertThat(e.errors().get(0).reason())
                .isEqualTo("the date is known only to the month; Kukar needs a full date");
        assertThat(e.errors().get(1).reason()).isEqualTo("unknown Kemendagri region '99.99'");
    }
}
