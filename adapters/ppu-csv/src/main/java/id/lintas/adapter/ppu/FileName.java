package id.lintas.adapter.ppu;

import id.lintas.contracts.spi.FileRejectedException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a dropped file is, by its name: {@code RUJUKAN_yyyyMMdd_HHmm.csv} or {@code STATUS_yyyyMMdd_HHmm.csv}.
 *
 * <p>A prefix ending in {@code -} without an underscore is tolerated ({@code invalid-RUJUKAN_...}), so
 * files kept with a label (the published samples, an operator's copy) are read by their kind. A prefix
 * with an underscore is not: {@code HASIL_RUJUKAN_...} and {@code RUJUKAN_MASUK_...} are the hub's own
 * files and must never be read back as input.
 */
enum FileName {
    RUJUKAN,
    STATUS;

    private static final Pattern NAME = Pattern.compile("^(?:[^_/\\\\]*-)?(RUJUKAN|STATUS)_(\\d{8}_\\d{4})\\.csv$");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd_HHmm").withResolverStyle(ResolverStyle.STRICT);

    static FileName of(String fileName) throws FileRejectedException {
        Matcher m = NAME.matcher(fileName == null ? "" : fileName);
        if (!m.matches()) {
            throw new FileRejectedException(
                    "file name '" + fileName + "' is neither RUJUKAN_yyyyMMdd_HHmm.csv nor STATUS_yyyyMMdd_HHmm.csv");
        }
        try {
            LocalDateTime.parse(m.group(2), STAMP);
        } catch (DateTimeParseException e) {
            throw new FileRejectedException("file name '" + fileName + "' is not " + m.group(1)
                    + "_yyyyMMdd_HHmm.csv with a valid date and time");
        }
        return valueOf(m.group(1));
    }
}
