package id.lintas.contracts.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.api.Test;

class RenderContextTest {

    private final RenderContext out =
            new RenderContext(Terminology.standard(), RegionTable.standard(), "kukar", ZoneId.of("Asia/Makassar"));

    @Test
    void takesAnInstantAsTheReceiversLocalDate() {
        assertThat(out.date(new DateTimeType("2025-06-30T20:30:00+00:00"), "tgl", "needs a day"))
                .isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(out.date(new DateTimeType("2025-06-30"), "tgl", "needs a day")).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    @Test
    void collectsEveryErrorAndReportsThemTogether() {
        assertThat(out.date(new DateTimeType("2025-06"), "tgl", "Kukar needs a full date")).isNull();
        assertThat(out.dateTime(new DateTimeType("2025-06-30"), "waktu", "Kukar needs dd-MM-yyyy HH:mm")).isNull();
        assertThat(out.code("status", new Coding("http://hl7.org/fhir/task-status", "no-such-status", null), "status"))
                .isNull();

        TranslationException e = catchThrowableOfType(TranslationException.class, out::throwIfErrors);

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("tgl", "waktu", "status");
        assertThat(e.errors().get(0).reason()).isEqualTo("the date is known only to the month; Kukar needs a full date");
    }
}
