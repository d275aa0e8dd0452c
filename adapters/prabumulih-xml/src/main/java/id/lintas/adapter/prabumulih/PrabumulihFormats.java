package id.lintas.adapter.prabumulih;

import id.lintas.contracts.mapping.FieldReading;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.region.Region;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Prabumulih's textual formats for dates, times and region codes (phone and personal numbers: {@code IndonesianNumbers}). */
final class PrabumulihFormats {

    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    static final String EXPECTED_DATE = "expected yyyy-MM-dd";
    static final String EXPECTED_DATE_TIME = "expected yyyy-MM-dd'T'HH:mm:ss (WIB, without offset)";

    private PrabumulihFormats() {}

    static Optional<LocalDate> parseDate(String text) {
        return FieldReading.parseTemporal(text, DATE, LocalDate::from);
    }

    static Optional<LocalDateTime> parseDateTime(String text) {
        return FieldReading.parseTemporal(text, DATE_TIME, LocalDateTime::from);
    }

    /** A date as {@code yyyy-MM-dd}; a date with a time is taken in the receiver's zone. */
    static String date(RenderContext out, PartialDateTime value, String field) {
        LocalDate date = out.date(value, field, "Prabumulih needs a full date (yyyy-MM-dd)");
        return date == null ? null : DATE.format(date);
    }

    /** A region as Prabumulih's Kemendagri code without dots ({@code 64.02} -> {@code 6402}); null for one the table does not know. */
    static String compact(RenderContext out, Region region, String field) {
        return out.known(region, field).map(Region::kemendagriCompact).orElse(null);
    }
}
