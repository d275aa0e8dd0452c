package id.lintas.contracts.mapping;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;

/**
 * What rendering one document for a region needs: the terminology, the region table, the receiver's
 * zone, and the field errors found so far. Every error is reported together, by the region's own
 * field names, once the document is complete ({@link #throwIfErrors()}); a value that cannot be
 * rendered is null, and the adapter leaves its field out. One context per document: not thread-safe.
 */
public final class RenderContext {

    private final Terminology terminology;
    private final RegionTable regions;
    private final String region;
    private final ZoneId zone;
    private final List<FieldError> errors = new ArrayList<>();

    /**
     * @param region the participant id under which the receiver's code lists are named in the
     *     ConceptMaps ({@code kukar})
     * @param zone the zone in which the receiver writes local times
     */
    public RenderContext(Terminology terminology, RegionTable regions, String region, ZoneId zone) {
        this.terminology = terminology;
        this.regions = regions;
        this.region = region;
        this.zone = zone;
    }

    public Terminology terminology() {
        return terminology;
    }

    public RegionTable regions() {
        return regions;
    }

    public ZoneId zone() {
        return zone;
    }

    public void error(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    public void throwIfErrors() throws TranslationException {
        if (!errors.isEmpty()) {
            throw new TranslationException(errors);
        }
    }

    /** A hub code in one of the region's lists, by the ConceptMap; null (and an error) when it has no equivalent. */
    public String code(String list, Coding hub, String field) {
        try {
            return terminology.fromHub(region, list, hub, field);
        } catch (TranslationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** A hub code from a concept, by the ConceptMap; null (and an error) when it has none of {@code system}. */
    public String code(String list, Optional<Coding> hub, String system, String field) {
        if (hub.isEmpty()) {
            error(field, "no code from " + system);
            return null;
        }
        return code(list, hub.get(), field);
    }

    /** The region of a dotted Kemendagri coding ({@code 64.09}); empty (and an error) when the table has none. */
    public Optional<Region> region(Coding kemendagri, String field) {
        Optional<Region> found = regions.byKemendagri(kemendagri.getCode());
        if (found.isEmpty()) {
            error(field, "unknown Kemendagri region '" + kemendagri.getCode() + "'");
        }
        return found;
    }

    /** The region of a Kemendagri code without dots ({@code 6409}); empty (and an error) when the table has none. */
    public Optional<Region> regionOfCompact(String compact, String field) {
        Optional<Region> found = regions.byKemendagriCompact(compact);
        if (found.isEmpty()) {
            error(field, "unknown Kemendagri region '" + compact + "'");
        }
        return found;
    }

    /**
     * A date known at least to the day, as the receiver's local date (a date with a time is taken in
     * the receiver's zone); null and the error "known only to the month/year; {@code needs}" otherwise.
     */
    public LocalDate date(BaseDateTimeType value, String field, String needs) {
        TemporalPrecisionEnum precision = value.getPrecision();
        if (precision == TemporalPrecisionEnum.DAY) {
            return LocalDate.parse(value.getValueAsString().substring(0, 10));
        }
        if (precision == TemporalPrecisionEnum.MONTH || precision == TemporalPrecisionEnum.YEAR) {
            error(field, "the date is known only to the " + precision.name().toLowerCase(Locale.ROOT) + "; " + needs);
            return null;
        }
        return value.getValue().toInstant().atZone(zone).toLocalDate();
    }

    /** An instant in the receiver's zone; null and the error "the time is not known; {@code needs}" without a time. */
    public ZonedDateTime dateTime(BaseDateTimeType value, String field, String needs) {
        TemporalPrecisionEnum precision = value.getPrecision();
        if (precision == TemporalPrecisionEnum.YEAR
                || precision == TemporalPrecisionEnum.MONTH
                || precision == TemporalPrecisionEnum.DAY) {
            error(field, "the time is not known; " + needs);
            return null;
        }
        return value.getValue().toInstant().atZone(zone);
    }
}
