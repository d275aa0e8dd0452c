package id.lintas.contracts.mapping;

import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.Gender;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.hl7.fhir.r4.model.Coding;

/**
 * What rendering one document for a region needs: the terminology, the region table, the receiver's
 * zone, and the field errors found so far. Every error is reported together, by the region's own
 * field names, once the document is complete ({@link #throwIfErrors()}); a value that cannot be
 * rendered is null, and the adapter leaves its field out. One context per document: not thread-safe.
 */
public final class RenderContext {

    /** FHIR's administrative-gender, the hub side of every region's gender list. */
    public static final String GENDER = "http://hl7.org/fhir/administrative-gender";

    /** The hub's disability code for several disabilities together ({@code CodeSystem/disability}). */
    public static final String DISABILITY_MULTIPLE = "GANDA";

    private static final String EDUCATION_UNKNOWN = "TIDAK_DIKETAHUI";

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

    /** A hub code ({@code system}) in one of the region's lists, by the ConceptMap; null for null. */
    public String code(String list, String system, String hubCode, String field) {
        return hubCode == null ? null : code(list, new Coding(system, hubCode, null), field);
    }

    /**
     * Hub codes in one of the region's lists, each region code once (two hub codes may share one),
     * in order; {@code field} names the i-th hub code's field for its error.
     */
    public List<String> codes(String list, String system, List<String> hubCodes, IntFunction<String> field) {
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < hubCodes.size(); i++) {
            String code = code(list, system, hubCodes.get(i), field.apply(i));
            if (code != null) {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }

    /** A gender in the region's list, by the ConceptMap; null for null. */
    public String gender(String list, Gender gender, String field) {
        return gender == null ? null : code(list, GENDER, gender.code(), field);
    }

    /**
     * The consent a format with one consent per referral renders: the first victim's, else the first
     * other victim's; null when no victim has one.
     */
    public static Consent consent(Referral referral) {
        return referral.victims().stream()
                .map(Victim::consent)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /**
     * Whether a format that takes either a birth date or an age writes the birth date: when it is
     * known to the day, or when no age is recorded beside a partial one.
     */
    public static boolean writesBirthDate(Victim victim) {
        return victim.birthDate() != null
                && (victim.birthDate().precision() == PartialDateTime.Precision.DAY || victim.age() == null);
    }

    /**
     * The one disability a format with a single disability field names: none (null), the victim's
     * only kind, or {@link #DISABILITY_MULTIPLE} for several, which is what UU 8/2016 calls multiple.
     */
    public static String disability(Victim victim) {
        List<String> kinds = victim.disabilities().stream().distinct().toList();
        if (kinds.isEmpty()) {
            return null;
        }
        return kinds.size() == 1 ? kinds.get(0) : DISABILITY_MULTIPLE;
    }

    /** The victim's education, or null when absent or unknown: the regions say "unknown" by leaving it out. */
    public static String knownEducation(Victim victim) {
        return EDUCATION_UNKNOWN.equals(victim.education()) ? null : victim.education();
    }

    /**
     * A region of the typed referral as the table knows it; empty (and an error) for one it does not
     * know (the canonical reader keeps such a code as a region without a name).
     */
    public Optional<Region> known(Region region, String field) {
        Optional<Region> found = regions.byKemendagri(region.kemendagri());
        if (found.isEmpty()) {
            error(field, "unknown Kemendagri region '" + region.kemendagri() + "'");
        }
        return found;
    }

    /**
     * Where the referral goes: the region of the participant the hub routed it to, or else the
     * region the sender asked for (which may be unknown: see {@link #known}); null when neither is there.
     */
    public Region destination(Referral referral) {
        Party owner = referral.destination();
        if (owner != null
                && owner.region() != null
                && regions.byKemendagri(owner.region().kemendagri()).isPresent()) {
            return owner.region();
        }
        return referral.requestedDestination();
    }

    /**
     * A date known at least to the day, as the receiver's local date (a date with a time is taken in
     * the receiver's zone); null and the error "known only to the month/year; {@code needs}" otherwise.
     */
    public LocalDate date(PartialDateTime value, String field, String needs) {
        return switch (value.precision()) {
            case DAY -> (LocalDate) value.value();
            case SECOND ->
                ((OffsetDateTime) value.value()).atZoneSameInstant(zone).toLocalDate();
            case MONTH, YEAR -> {
                error(
                        field,
                        "the date is known only to the "
                                + value.precision().name().toLowerCase(Locale.ROOT) + "; " + needs);
                yield null;
            }
        };
    }

    /** An instant in the receiver's zone. */
    public ZonedDateTime dateTime(OffsetDateTime value) {
        return value.atZoneSameInstant(zone);
    }

    /** An instant in the receiver's zone. */
    public ZonedDateTime dateTime(Instant value) {
        return value.atZone(zone);
    }
}
