package id.lintas.adapter.prabumulih;

import id.lintas.contracts.mapping.FieldReading;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.region.Region;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;

/** Prabumulih's textual formats for dates, times and region codes (phone and personal numbers: {@code IndonesianNumbers}). */
final class PrabumulihFormats {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
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
    static String date(RenderContext out, BaseDateTimeType value, String field) {
        LocalDate date = out.date(value, field, "Prabumulih needs a full date (yyyy-MM-dd)");
        return date == null ? null : DATE.format(date);
    }

    /** An instant as Prabumulih's {@code yyyy-MM-dd'T'HH:mm:ss} in the receiver's zone, without offset. */
    static String dateTime(RenderContext out, BaseDateTimeType value, String field) {
        ZonedDateTime time = out.dateTime(value, field, "Prabumulih needs yyyy-MM-dd'T'HH:mm:ss");
        return time == null ? null : DATE_TIME.format(time);
    }

    /** A dotted Kemendagri coding as Prabumulih's code without dots ({@code 64.02} -> {@code 6402}). */
    static String compact(RenderContext out, Coding kemendagri, String field) {
        return out.region(kemendagri, field).map(Region::kemendagriCompact).orElse(null);
    }

    /** A Kemendagri code without dots, checked against the region table. */
    static String compact(RenderContext out, String compact, String field) {
        return out.regionOfCompact(compact, field).map(region -> compact).orElse(null);
    }
}
