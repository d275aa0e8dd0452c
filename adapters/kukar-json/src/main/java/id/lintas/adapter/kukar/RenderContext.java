package id.lintas.adapter.kukar;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;

/**
 * What rendering one document needs: the terminology, the region table, the receiver's zone, and
 * the field errors found so far (all of them are reported together, by Kukar's field names).
 */
final class RenderContext {

    private final Terminology terminology;
    private final RegionTable regions;
    private final ZoneId zone;
    private final List<FieldError> errors = new ArrayList<>();

    RenderContext(Terminology terminology, RegionTable regions, ZoneId zone) {
        this.terminology = terminology;
        this.regions = regions;
        this.zone = zone;
    }

    RegionTable regions() {
        return regions;
    }

    ZoneId zone() {
        return zone;
    }

    void error(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    void throwIfErrors() throws TranslationException {
        if (!errors.isEmpty()) {
            throw new TranslationException(errors);
        }
    }

    /** A hub code in Kukar's list, by the ConceptMap; null (and an error) when Kukar has no equivalent. */
    String code(String list, Coding hub, String field) {
        try {
            return terminology.fromHub(KukarFields.REGION, list, hub, field);
        } catch (TranslationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** A hub code from a concept, by the ConceptMap; null (and an error) when it has none of {@code system}. */
    String code(String list, Optional<Coding> hub, String system, String field) {
        if (hub.isEmpty()) {
            error(field, "no code from " + system);
            return null;
        }
        return code(list, hub.get(), field);
    }

    /** A dotted Kemendagri coding as Kukar's BPS 2014 code. */
    String bps(Coding kemendagri, String field) {
        Optional<Region> region = regions.byKemendagri(kemendagri.getCode());
        if (region.isEmpty()) {
            error(field, "unknown Kemendagri region '" + kemendagri.getCode() + "'");
            return null;
        }
        return bps(region.get(), field);
    }

    /** A Kemendagri code without dots ({@code 6409}) as Kukar's BPS 2014 code. */
    String bpsOfCompact(String compact, String field) {
        Optional<Region> region = regions.byKemendagriCompact(compact);
        if (region.isEmpty()) {
            error(field, "unknown Kemendagri region '" + compact + "'");
            return null;
        }
        return bps(region.get(), field);
    }

    String bps(Region region, String field) {
        if (region.bps() == null) {
            error(field, "region " + region.kemendagri() + " has no BPS 2014 code");
            return null;
        }
        return region.bps();
    }

    /**
     * A date in Kukar's {@code dd-MM-yyyy}; a month-precision date as {@code 00-MM-yyyy} where
     * Kukar allows it. A date with a time is taken in the receiver's zone.
     */
    String date(BaseDateTimeType value, String field, boolean monthOnlyAllowed) {
        TemporalPrecisionEnum precision = value.getPrecision();
        String text = value.getValueAsString();
        if (precision == TemporalPrecisionEnum.DAY) {
            return KukarFormats.DATE.format(LocalDate.parse(text.substring(0, 10)));
        }
        if (precision == TemporalPrecisionEnum.MONTH && monthOnlyAllowed) {
            return KukarFormats.formatMonthOnly(YearMonth.parse(text.substring(0, 7)));
        }
        if (precision == TemporalPrecisionEnum.MONTH || precision == TemporalPrecisionEnum.YEAR) {
            error(field, "the date is known only to the " + precision.name().toLowerCase(Locale.ROOT)
                    + "; Kukar needs " + (monthOnlyAllowed ? "at least the month" : "a full date"));
            return null;
        }
        return KukarFormats.DATE.format(value.getValue().toInstant().atZone(zone).toLocalDate());
    }

    /** An instant as Kukar's {@code dd-MM-yyyy HH:mm} in the receiver's zone, without offset. */
    String dateTime(BaseDateTimeType value, String field) {
        TemporalPrecisionEnum precision = value.getPrecision();
        if (precision == TemporalPrecisionEnum.YEAR
                || precision == TemporalPrecisionEnum.MONTH
                || precision == TemporalPrecisionEnum.DAY) {
            error(field, "the time is not known; Kukar needs dd-MM-yyyy HH:mm");
            return null;
        }
        return KukarFormats.DATE_TIME.format(value.getValue().toInstant().atZone(zone));
    }
}
