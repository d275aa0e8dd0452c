package id.lintas.adapter.kukar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kukar's textual formats for dates, times, phone numbers and personal numbers. */
final class KukarFormats {

    /** Exactly four digits of year: {@code uuuu} alone would also accept {@code +622025}, which FHIR cannot hold. */
    static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().appendPattern("dd-MM-")
            .appendValue(ChronoField.YEAR, 4).toFormatter().withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder().appendPattern("dd-MM-")
            .appendValue(ChronoField.YEAR, 4).appendPattern(" HH:mm").toFormatter().withResolverStyle(ResolverStyle.STRICT);

    static final String EXPECTED_DATE = "expected dd-MM-yyyy";
    static final String EXPECTED_DATE_TIME = "expected dd-MM-yyyy HH:mm";
    static final String EXPECTED_INCIDENT_DATE = "expected dd-MM-yyyy (00-MM-yyyy when only the month is known)";

    private static final Pattern MONTH_ONLY = Pattern.compile("00-(\\d{2})-(\\d{4})");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-.()/]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NIK = Pattern.compile("\\d{16}");
    private static final Pattern NIP = Pattern.compile("\\d{18}");
    private static final String COUNTRY_PREFIX = "+62";

    private KukarFormats() {}

    static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text, DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDateTime> parseDateTime(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text, DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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
     * A phone number as Kukar's staff type it ({@code 0812-5432-1098}, {@code 0541-661234},
     * {@code +62 812...}) in E.164 ({@code +6281254321098}), or empty when it is not an Indonesian
     * number of plausible length.
     */
    static Optional<String> toE164(String typed) {
        String compact = PHONE_SEPARATORS.matcher(typed).replaceAll("");
        String subscriber;
        if (compact.startsWith(COUNTRY_PREFIX)) {
            subscriber = compact.substring(COUNTRY_PREFIX.length());
        } else if (compact.startsWith("62")) {
            subscriber = compact.substring(2);
        } else if (compact.startsWith("0")) {
            subscriber = compact.substring(1);
        } else {
            return Optional.empty();
        }
        // Area code or mobile prefix plus subscriber: 8 to 12 digits after the trunk 0.
        if (!DIGITS.matcher(subscriber).matches()
                || subscriber.length() < 8
                || subscriber.length() > 12
                || subscriber.startsWith("0")) {
            return Optional.empty();
        }
        return Optional.of(COUNTRY_PREFIX + subscriber);
    }

    /** An E.164 Indonesian number back in the national form Kukar's staff dial ({@code 0812...}). */
    static String toNational(String e164) {
        if (e164.startsWith(COUNTRY_PREFIX)) {
            return "0" + e164.substring(COUNTRY_PREFIX.length());
        }
        // A foreign number has no national form; Kukar's field takes it as typed.
        return e164;
    }

    /**
     * A NIK: 16 digits whose birth-date part is plausible (day 01-31, or 41-71 for women; month
     * 01-12). NIK has no check digit, so this is as far as a check can go.
     */
    static boolean isNik(String text) {
        if (!NIK.matcher(text).matches()) {
            return false;
        }
        int day = Integer.parseInt(text.substring(6, 8));
        int month = Integer.parseInt(text.substring(8, 10));
        boolean dayOk = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
        return dayOk && month >= 1 && month <= 12;
    }

    /** A civil servant's NIP: 18 digits. */
    static boolean isNip(String text) {
        return NIP.matcher(text).matches();
    }
}
