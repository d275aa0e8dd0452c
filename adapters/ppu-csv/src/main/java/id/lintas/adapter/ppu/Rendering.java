package id.lintas.adapter.ppu;

import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;

/**
 * The state of rendering one outbound document: the receiver's zone, the code and region look-ups,
 * and every error found on the way, so that all of them are reported together. Created per call.
 */
final class Rendering {

    private final Terminology terminology;
    private final RegionTable regions;
    private final ZoneId zone;
    private final Set<FieldError> errors = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();

    Rendering(Terminology terminology, RegionTable regions, ZoneId zone) {
        this.terminology = terminology;
        this.regions = regions;
        this.zone = zone;
    }

    /** One output row, by column; absent columns are written empty. */
    static final class Cells {
        private final Map<String, String> values = new LinkedHashMap<>();

        void put(String column, String value) {
            if (value != null && !value.isEmpty()) {
                values.put(column, value);
            }
        }

        String get(String column) {
            return values.get(column);
        }

        Cells copy() {
            Cells copy = new Cells();
            copy.values.putAll(values);
            return copy;
        }

        List<String> in(List<String> layout) {
            return layout.stream().map(c -> values.getOrDefault(c, "")).toList();
        }
    }

    ZoneId zone() {
        return zone;
    }

    Terminology terminology() {
        return terminology;
    }

    /** A hub code in PPU's words; null (and an error naming the column) when PPU's list has no equivalent. */
    String code(String list, Coding hubCoding, String column) {
        if (hubCoding == null || !hubCoding.hasCode()) {
            return null;
        }
        try {
            return terminology.fromHub(Columns.REGION, list, hubCoding, column);
        } catch (TranslationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** The Kemendagri name of a dotted region code, as PPU's operators read it. */
    String regionName(Coding region, String column) {
        if (region == null || !region.hasCode()) {
            return null;
        }
        Optional<Region> found = regions.byKemendagri(region.getCode());
        if (found.isEmpty()) {
            error(column, "region '" + region.getCode() + "' is not in the Kemendagri region table");
            return null;
        }
        return found.get().name();
    }

    /** The Kemendagri name of a region coded without dots (SATUSEHAT address extension). */
    String compactRegionName(String compact, String column) {
        if (compact == null || compact.isBlank()) {
            return null;
        }
        Optional<Region> found = regions.byKemendagriCompact(compact);
        if (found.isEmpty()) {
            error(column, "region '" + compact + "' is not in the Kemendagri region table");
            return null;
        }
        return found.get().name();
    }

    Optional<Region> region(String dotted) {
        return regions.byKemendagri(dotted);
    }

    /** Date part of an instant, in the receiver's zone. */
    String date(BaseDateTimeType value) {
        return value == null || value.getValue() == null
                ? null
                : CellReader.DATE.format(value.getValue().toInstant().atZone(zone));
    }

    /** Time part of an instant, in the receiver's zone. */
    String time(BaseDateTimeType value) {
        return value == null || value.getValue() == null
                ? null
                : CellReader.TIME.format(value.getValue().toInstant().atZone(zone));
    }

    /**
     * A calendar date (birth, incident) as PPU writes it, read from its own fields so no zone can move it
     * to another day; null when the date is known only to the month or year (PPU needs the day).
     */
    static String calendarDate(BaseDateTimeType value) {
        if (value == null
                || value.getValue() == null
                || value.getPrecision().ordinal() < ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY.ordinal()) {
            return null;
        }
        return CellReader.DATE.format(java.time.LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay()));
    }

    void error(String column, String reason) {
        errors.add(new FieldError(column, reason));
    }

    /** A fact PPU's layout has no cell for; it is added to {@code Kronologi} rather than lost. */
    void note(String text) {
        if (!notes.contains(text)) {
            notes.add(text);
        }
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    void throwIfErrors() throws TranslationException {
        if (!errors.isEmpty()) {
            throw new TranslationException(new ArrayList<>(errors));
        }
    }
}
