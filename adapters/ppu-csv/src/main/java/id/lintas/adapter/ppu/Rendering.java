package id.lintas.adapter.ppu;

import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;

/**
 * The state of rendering one outbound document: the receiver's zone, the code and region look-ups,
 * and every error found on the way, so that all of them are reported together. Created per call.
 */
final class Rendering {

    static final String ADMINISTRATIVE_GENDER = "http://hl7.org/fhir/administrative-gender";

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

    /** A hub code of a system in PPU's words; null for no code. */
    String code(String list, String system, String code, String column) {
        return code == null ? null : code(list, new Coding(system, code, null), column);
    }

    /** The Kemendagri name of a region known by its dotted code, as PPU's operators read it. */
    String regionName(Region region, String column) {
        if (region == null) {
            return null;
        }
        Optional<Region> found = regions.byKemendagri(region.kemendagri());
        if (found.isEmpty()) {
            error(column, "region '" + region.kemendagri() + "' is not in the Kemendagri region table");
            return null;
        }
        return found.get().name();
    }

    /** The Kemendagri name of a region known by its code without dots (SATUSEHAT address). */
    String compactRegionName(Region region, String column) {
        if (region == null
                || region.kemendagriCompact() == null
                || region.kemendagriCompact().isBlank()) {
            return null;
        }
        Optional<Region> found = regions.byKemendagriCompact(region.kemendagriCompact());
        if (found.isEmpty()) {
            error(column, "region '" + region.kemendagriCompact() + "' is not in the Kemendagri region table");
            return null;
        }
        return found.get().name();
    }

    Optional<Region> region(String dotted) {
        return regions.byKemendagri(dotted);
    }

    /** Date part of an instant, in the receiver's zone. */
    String date(OffsetDateTime value) {
        return CellReader.DATE.format(value.atZoneSameInstant(zone));
    }

    /** Time part of an instant, in the receiver's zone. */
    String time(OffsetDateTime value) {
        return CellReader.TIME.format(value.atZoneSameInstant(zone));
    }

    /**
     * A calendar date (birth, incident) as PPU writes it, as the sender wrote it so no zone can move it
     * to another day; null when the date is known only to the month or year (PPU needs the day).
     */
    static String calendarDate(PartialDateTime value) {
        PartialDateTime.Precision precision = value.precision();
        if (precision == PartialDateTime.Precision.YEAR || precision == PartialDateTime.Precision.MONTH) {
            return null;
        }
        return CellReader.DATE.format(value.firstDay());
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
