package id.lintas.adapter.ppu;

import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;

/**
 * Reads the typed values of one CSV row by column name and collects every error instead of stopping
 * at the first, so PPU's operator can fix a row in one go. Reasons quote a cell only where the cell
 * cannot identify a person (dates, numbers, codes, region names); never a name, NIK, address or
 * chronology.
 */
final class CellReader {

    /** Exactly four digits of year: {@code uuuu} alone would also accept {@code +622025}, which FHIR cannot hold. */
    static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendPattern("dd/MM/")
            .appendValue(ChronoField.YEAR, 4)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    private final CsvText.Row row;
    private final List<String> layout;
    private final Terminology terminology;
    private final RegionTable regions;
    private final List<FieldError> errors = new ArrayList<>();

    CellReader(CsvText.Row row, List<String> layout, Terminology terminology, RegionTable regions) {
        this.row = row;
        this.layout = layout;
        this.terminology = terminology;
        this.regions = regions;
        checkWidth();
    }

    /** A row whose cells do not line up with the header cannot be read safely, column by column. */
    private void checkWidth() {
        List<String> cells = row.cells();
        if (cells.size() < layout.size()) {
            error(
                    layout.get(cells.size()),
                    "missing: the row has " + cells.size() + " of the " + layout.size()
                            + " columns (a ';' inside a value must be quoted)");
        }
        for (int i = layout.size(); i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                error(
                        layout.get(layout.size() - 1),
                        "the row has more than the " + layout.size()
                                + " columns (a ';' inside a value must be quoted)");
                return;
            }
        }
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    void error(String column, String reason) {
        errors.add(new FieldError(column, reason));
    }

    /** The cell's text, stripped; null when empty (an empty cell is "unknown" in PPU's format). */
    String text(String column) {
        String value = row.cell(layout.indexOf(column));
        return value.isEmpty() ? null : value;
    }

    String required(String column) {
        String value = text(column);
        if (value == null) {
            error(column, "is empty");
        }
        return value;
    }

    LocalDate date(String column, boolean required) {
        String value = required ? required(column) : text(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            error(column, "'" + value + "' is not a valid date dd/MM/yyyy");
            return null;
        }
    }

    LocalTime time(String column) {
        String value = required(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value, TIME);
        } catch (DateTimeParseException e) {
            error(column, "'" + value + "' is not a valid time HH:mm");
            return null;
        }
    }

    /** Whole years, 0 to 150. */
    Integer years(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            int years = Integer.parseInt(value);
            if (years >= 0 && years <= 150) {
                return years;
            }
        } catch (NumberFormatException e) {
            // reported below, as for an out-of-range number
        }
        error(column, "'" + value + "' is not an age in whole years");
        return null;
    }

    /** A regency/city by name as the operator typed it; no match or several matches is an error. */
    Region region(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        List<Region> matches = regions.byName(value);
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            error(column, "'" + value + "' matches no regency/city");
        } else {
            error(
                    column,
                    "'" + value + "' matches several regencies/cities ("
                            + matches.stream().map(Region::name).collect(Collectors.joining(", "))
                            + "): write Kab./Kota or the full name");
        }
        return null;
    }

    /** A single code of one of PPU's lists, translated to the hub's. */
    Coding code(String list, String column, boolean required) {
        String value = required ? required(column) : text(column);
        return value == null ? null : translate(list, value, column);
    }

    /** A multi-value cell ({@code Fisik, Psikis}), each value translated; empty list when the cell is empty. */
    List<Coding> codes(String list, String column, boolean required) {
        String value = required ? required(column) : text(column);
        List<Coding> codings = new ArrayList<>();
        if (value == null) {
            return codings;
        }
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Coding coding = translate(list, part.strip(), column);
            if (coding != null && codings.stream().noneMatch(c -> c.getCode().equals(coding.getCode()))) {
                codings.add(coding);
            }
        }
        return codings;
    }

    /** {@code Ya} / {@code Tidak}, any case. */
    Boolean yesNo(String column) {
        String value = required(column);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase(Columns.YA)) {
            return true;
        }
        if (value.equalsIgnoreCase(Columns.TIDAK)) {
            return false;
        }
        error(column, "'" + value + "' is neither Ya nor Tidak");
        return null;
    }

    private Coding translate(String list, String value, String column) {
        try {
            Coding coding = terminology.toHub(Columns.REGION, list, value, column);
            terminology.display(coding.getSystem(), coding.getCode()).ifPresent(coding::setDisplay);
            return coding;
        } catch (TranslationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
