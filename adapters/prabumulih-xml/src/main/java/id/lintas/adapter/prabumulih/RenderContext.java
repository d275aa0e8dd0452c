package id.lintas.adapter.prabumulih;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;

/**
 * What rendering one document needs: the terminology, the region table, the receiver's zone, and
 * the field errors found so far (all of them are reported together, by Prabumulih's element paths).
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

    Terminology terminology() {
        return terminology;
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

    /** A hub code in Prabumulih's list, by the ConceptMap; null (and an error) when Prabumulih has no equivalent. */
    String code(String list, Coding hub, String field) {
        try {
            return terminology.fromHub(PrabumulihFields.REGION, list, hub, field);
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

    /** A dotted Kemendagri coding as Prabumulih's code without dots ({@code 64.02} -> {@code 6402}). */
    String compact(Coding kemendagri, String field) {
        Optional<Region> region = regions.byKemendagri(kemendagri.getCode());
        if (region.isEmpty()) {
            error(field, "unknown Kemendagri region '" + kemendagri.getCode() + "'");
            return null;
        }
        return region.get().kemendagriCompact();
    }

    /** A Kemendagri code without dots, checked against the region table. */
    String compact(String compact, String field) {
        if (regions.byKemendagriCompact(compact).isEmpty()) {
            error(field, "unknown Kemendagri region '" + compact + "'");
            return null;
        }
        return compact;
    }

    /** A date as {@code yyyy-MM-dd}; a date with a time is taken in the receiver's zone. */
    String date(BaseDateTimeType value, String field) {
        TemporalPrecisionEnum precision = value.getPrecision();
        if (precision == TemporalPrecisionEnum.DAY) {
            return value.getValueAsString().substring(0, 10);
        }
        if (precision == TemporalPrecisionEnum.MONTH || precision == TemporalPrecisionEnum.YEAR) {
            error(field, "the date is known only to the " + precision.name().toLowerCase(Locale.ROOT)
                    + "; Prabumulih needs a full date (yyyy-MM-dd)");
            return null;
        }
        LocalDate date = value.getValue().toInstant().atZone(zone).toLocalDate();
        return PrabumulihFormats.DATE.format(date);
    }

    /** An instant as Prabumulih's {@code yyyy-MM-dd'T'HH:mm:ss} in the receiver's zone, without offset. */
    String dateTime(BaseDateTimeType value, String field) {
        TemporalPrecisionEnum precision = value.getPrecision();
        if (precision == TemporalPrecisionEnum.YEAR
                || precision == TemporalPrecisionEnum.MONTH
                || precision == TemporalPrecisionEnum.DAY) {
            error(field, "the time is not known; Prabumulih needs yyyy-MM-dd'T'HH:mm:ss");
            return null;
        }
        return PrabumulihFormats.DATE_TIME.format(value.getValue().toInstant().atZone(zone));
    }
}
