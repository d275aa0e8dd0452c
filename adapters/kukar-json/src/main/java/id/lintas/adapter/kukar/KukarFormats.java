package id.lintas.adapter.kukar;

import id.lintas.contracts.mapping.FieldReading;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.region.Region;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kukar's textual formats for dates, times and region codes (phone and personal numbers: {@code IndonesianNumbers}). */
final class KukarFormats {

    /** Exactly four digits of year: {@code uuuu} alone would also accept {@code +622025}, which FHIR cannot hold. */
    static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendPattern("dd-MM-")
            .appendValue(ChronoField.YEAR, 4)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("dd-MM-")
            .appendValue(ChronoField.YEAR, 4)
            .appendPattern(" HH:mm")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    static final String EXPECTED_DATE = "expected dd-MM-yyyy";
    static final String EXPECTED_DATE_TIME = "expected dd-MM-yyyy HH:mm";
    static final String EXPECTED_INCIDENT_DATE = "expected dd-MM-yyyy (00-MM-yyyy when only the month is known)";

    private static final Pattern MONTH_ONLY = Pattern.compile("00-(\\d{2})-(\\d{4})");

    private KukarFormats() {}

    static Optional<LocalDate> parseDate(String text) {
        return FieldReading.parseTemporal(text, DATE, LocalDate::from);
    }

    static Optional<LocalDateTime> parseDateTime(String text) {
        return FieldReading.parseTemporal(text, DATE_TIME, LocalDateTime::from);
    }

    /** {@code 00-06-2025}: Kukar's way of saying that only the month is known. */
    static Optional<YearMonth> parseMonthOnly(String text) {
        Matcher m = MONTH_ONLY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(1));
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        return Optional.of(YearMonth.of(Integer.parseInt(m.group(2)), month));
    }

    static String formatMonthOnly(YearMonth month) {
        return String.format("00-%02d-%04d", month.getMonthValue(), month.getYear());
    }

    /**
     * A date in Kukar's {@code dd-MM-yyyy}; a month-precision date as {@code 00-MM-yyyy} where
     * Kukar allows it. A date with a time is taken in the receiver's zone.
     */
    static String date(RenderContext out, PartialDateTime value, String field, boolean monthOnlyAllowed) {
        if (monthOnlyAllowed && value.precision() == PartialDateTime.Precision.MONTH) {
            return formatMonthOnly((YearMonth) value.value());
        }
        LocalDate date =
                out.date(value, field, monthOnlyAllowed ? "Kukar needs at least the month" : "Kukar needs a full date");
        return date == null ? null : DATE.format(date);
    }

    /** An instant as Kukar's {@code dd-MM-yyyy HH:mm} in the receiver's zone, without offset. */
    static String dateTime(RenderContext out, OffsetDateTime value) {
        return DATE_TIME.format(out.dateTime(value));
    }

    static String bps(RenderContext out, Region region, String field) {
        if (region.bps() == null) {
            out.error(field, "region " + region.kemendagri() + " has no BPS 2014 code");
            return null;
        }
        return region.bps();
    }
}
