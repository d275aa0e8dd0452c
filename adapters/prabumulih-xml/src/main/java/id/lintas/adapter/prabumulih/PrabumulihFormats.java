package id.lintas.adapter.prabumulih;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/** Prabumulih's textual formats for dates, times, phone numbers and personal numbers. */
final class PrabumulihFormats {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    static final String EXPECTED_DATE = "expected yyyy-MM-dd";
    static final String EXPECTED_DATE_TIME = "expected yyyy-MM-dd'T'HH:mm:ss (WIB, without offset)";

    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-.()/]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NIK = Pattern.compile("\\d{16}");
    private static final Pattern NIP = Pattern.compile("\\d{18}");
    private static final String COUNTRY_PREFIX = "+62";

    private PrabumulihFormats() {}

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

    /**
     * A phone number as Prabumulih's staff type it ({@code 0813-7788-1122}, {@code +62 813...}) in
     * E.164 ({@code +6281377881122}), or empty when it is not an Indonesian number of plausible length.
     */
    static Optional<String> toE164(String typed) {
        String compact = PHONE_SEPARATORS.matcher(typed).replaceAll("");
        String subscriber;
        if (compact.startsWith(COUNTRY_PREFIX)) {
            subscriber = compact.substring(COUNTRY_PREFIX.length());
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
