package id.lintas.contracts.mapping;

import java.util.Optional;
import java.util.regex.Pattern;

/** Indonesian phone numbers and personal numbers (NIK, NIP) as regions' staff type them. */
public final class IndonesianNumbers {

    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-.()/]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NIK = Pattern.compile("\\d{16}");
    private static final Pattern NIP = Pattern.compile("\\d{18}");
    private static final String COUNTRY_PREFIX = "+62";
    private static final String BARE_COUNTRY_CODE = "62";

    private IndonesianNumbers() {}

    /**
     * A phone number as typed ({@code 0812-5432-1098}, {@code 0541-661234}, {@code +62 812...}) in
     * E.164 ({@code +6281254321098}), or empty when it is not an Indonesian number of plausible length.
     *
     * @param bareCountryCode whether the format also takes the country code without its plus
     *     ({@code 62812...})
     */
    public static Optional<String> toE164(String typed, boolean bareCountryCode) {
        String compact = PHONE_SEPARATORS.matcher(typed).replaceAll("");
        String subscriber;
        if (compact.startsWith(COUNTRY_PREFIX)) {
            subscriber = compact.substring(COUNTRY_PREFIX.length());
        } else if (bareCountryCode && compact.startsWith(BARE_COUNTRY_CODE)) {
            subscriber = compact.substring(BARE_COUNTRY_CODE.length());
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

    /** An E.164 Indonesian number in the national form staff dial ({@code 0812...}); a foreign one as it is. */
    public static String toNational(String e164) {
        if (e164.startsWith(COUNTRY_PREFIX)) {
            return "0" + e164.substring(COUNTRY_PREFIX.length());
        }
        return e164;
    }

    /**
     * A NIK: 16 digits whose birth-date part is plausible (day 01-31, or 41-71 for women; month
     * 01-12). NIK has no check digit, so this is as far as a check can go.
     */
    public static boolean isNik(String text) {
        if (!NIK.matcher(text).matches()) {
            return false;
        }
        int day = Integer.parseInt(text.substring(6, 8));
        int month = Integer.parseInt(text.substring(8, 10));
        boolean dayOk = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
        return dayOk && month >= 1 && month <= 12;
    }

    /** A civil servant's NIP: 18 digits. */
    public static boolean isNip(String text) {
        return NIP.matcher(text).matches();
    }
}
