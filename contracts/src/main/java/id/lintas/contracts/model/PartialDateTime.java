package id.lintas.contracts.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Objects;

/**
 * A date or time known to some precision: a year, a month, a day, or an instant with the offset
 * the sender wrote it in. The incident of {@code 2025-06} stays a month; nothing invents a day.
 *
 * @param value a {@link Year}, {@link YearMonth}, {@link LocalDate} or {@link OffsetDateTime}
 */
public record PartialDateTime(Temporal value) {

    /** How precisely the value is known. */
    public enum Precision {
        YEAR,
        MONTH,
        DAY,
        SECOND
    }

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    public PartialDateTime {
        Objects.requireNonNull(value, "value");
        if (!(value instanceof Year
                || value instanceof YearMonth
                || value instanceof LocalDate
                || value instanceof OffsetDateTime)) {
            throw new IllegalArgumentException("not a year, month, day or offset date-time: " + value.getClass());
        }
    }

    public static PartialDateTime of(Temporal value) {
        return new PartialDateTime(value);
    }

    /** Reads FHIR's date/dateTime text: {@code 2025}, {@code 2025-06}, {@code 2025-06-01}, {@code 2025-06-01T10:00:00+08:00}. */
    public static PartialDateTime parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.contains("T")) {
            return new PartialDateTime(OffsetDateTime.parse(text, INSTANT));
        }
        return switch (text.length()) {
            case 4 -> new PartialDateTime(Year.parse(text));
            case 7 -> new PartialDateTime(YearMonth.parse(text));
            default -> new PartialDateTime(LocalDate.parse(text));
        };
    }

    public Precision precision() {
        if (value instanceof Year) {
            return Precision.YEAR;
        }
        if (value instanceof YearMonth) {
            return Precision.MONTH;
        }
        return value instanceof LocalDate ? Precision.DAY : Precision.SECOND;
    }

    /** The first day it can mean ({@code 2025-06} is on or after 1 June 2025). */
    public LocalDate firstDay() {
        if (value instanceof Year year) {
            return year.atDay(1);
        }
        if (value instanceof YearMonth month) {
            return month.atDay(1);
        }
        if (value instanceof LocalDate day) {
            return day;
        }
        return ((OffsetDateTime) value).toLocalDate();
    }

    /** The last day it can mean ({@code 2025-06} is on or before 30 June 2025). */
    public LocalDate lastDay() {
        if (value instanceof Year year) {
            return year.atDay(year.length());
        }
        if (value instanceof YearMonth month) {
            return month.atEndOfMonth();
        }
        return firstDay();
    }

    /** FHIR's text for it, with seconds and offset for an instant. */
    @Override
    public String toString() {
        return value instanceof OffsetDateTime time ? INSTANT.format(time) : value.toString();
    }
}
