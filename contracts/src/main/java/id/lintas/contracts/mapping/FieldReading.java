package id.lintas.contracts.mapping;

import id.lintas.contracts.canonical.CanonicalWriter;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Coding;

/**
 * The common part of a region's field reader: it collects every field error instead of stopping at
 * the first, so the region's staff can fix a message in one go, and the message is refused once,
 * after all fields are read ({@link #throwIfErrors()}). A read that failed returns null (or an empty
 * list) and the caller carries on. A format's reader extends this with how to find a field in its
 * documents (a JSON object, an XML element, a CSV row) and how to name it.
 *
 * <p>Reasons never quote the value of a free-text or personal field. One reader per message: not
 * thread-safe.
 */
public abstract class FieldReading {

    /** The reason given for a required field that is absent or empty. */
    public static final String REQUIRED_REASON = "required";

    private final Terminology terminology;
    private final RegionTable regions;
    private final String region;
    private final List<FieldError> errors = new ArrayList<>();

    /**
     * @param region the participant id under which the region's code lists are named in the
     *     ConceptMaps ({@code kukar})
     */
    protected FieldReading(Lookups lookups, String region) {
        this.terminology = lookups.terminology();
        this.regions = lookups.regions();
        this.region = region;
    }

    public final RegionTable regions() {
        return regions;
    }

    public final void error(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    /** Keeps the errors of a step that failed (a translation, a nested check). */
    public final void errors(TranslationException e) {
        errors.addAll(e.errors());
    }

    public final boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Refuses the message with every error found, if there is any. */
    public final void throwIfErrors() throws TranslationException {
        if (hasErrors()) {
            throw new TranslationException(errors);
        }
    }

    /**
     * The end of every referral reading: refuses the message if any field was wrong, else completes
     * the typed referral with what the hub knows of the sender (its party, its region as the
     * reporting region, the SDV labels) and writes the canonical Bundle.
     */
    public final CanonicalReferral referral(Referral.Builder referral, Participant sender) throws TranslationException {
        throwIfErrors();
        Region region = regions.byKemendagri(sender.regionKemendagri())
                // A region the table does not know is still named by its code.
                .orElseGet(() -> new Region(
                        null,
                        sender.regionKemendagri(),
                        sender.regionKemendagri().replace(".", ""),
                        null,
                        null,
                        null));
        return CanonicalWriter.standard()
                .canonicalReferral(referral.sender(Party.of(sender))
                        .reportingRegion(region)
                        .build()
                        .withSensitivityLabels());
    }

    /** Records a required field as missing; an optional one is simply absent. */
    protected final void missing(String field, Need need) {
        if (need == Need.REQUIRED) {
            error(field, REQUIRED_REASON);
        }
    }

    /**
     * A code of one of the region's lists translated to the hub's coding by the ConceptMap, with the
     * display the hub's CodeSystem gives it. The caller decides how an unknown code is reported.
     */
    protected final Coding toHub(String list, String code, String field) throws TranslationException {
        Coding coding = terminology.toHub(region, list, code, field);
        coding.setDisplay(
                terminology.display(coding.getSystem(), coding.getCode()).orElse(null));
        return coding;
    }

    /**
     * A text parsed by one of the format's parsers (a date, a time); null when there is no text, and
     * null with the error {@code expected} when the parser refuses it. The text is not quoted.
     */
    public final <T> T parse(String text, String field, Function<String, Optional<T>> parser, String expected) {
        if (text == null) {
            return null;
        }
        Optional<T> value = parser.apply(text);
        if (value.isEmpty()) {
            error(field, expected);
        }
        return value.orElse(null);
    }

    /**
     * A phone number as typed, in E.164; null with the error {@code expected} when it is not an
     * Indonesian number (see {@link IndonesianNumbers#toE164}).
     */
    public final String phone(String text, String field, boolean bareCountryCode, String expected) {
        return parse(text, field, typed -> IndonesianNumbers.toE164(typed, bareCountryCode), expected);
    }

    /** A date or time in one of the format's patterns; empty when the text does not follow it. */
    public static <T> Optional<T> parseTemporal(String text, DateTimeFormatter pattern, TemporalQuery<T> query) {
        try {
            return Optional.of(pattern.parse(text, query));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A local time the sender wrote without offset, as the instant it is in the sender's zone, with
     * the offset in whole minutes ({@link CanonicalWriter#inWholeMinutes}).
     */
    public static OffsetDateTime senderTime(LocalDateTime local, Participant sender) {
        return CanonicalWriter.inWholeMinutes(local.atZone(sender.zone()).toOffsetDateTime());
    }

    /** The hub's code of a translated coding, as the typed referral holds it; null for null. */
    public static String hubCode(Coding coding) {
        return coding == null ? null : coding.getCode();
    }

    /** The hub's codes of translated codings, each once, in the order first met. */
    public static List<String> hubCodes(Collection<Coding> codings) {
        return distinct(codings).stream().map(Coding::getCode).toList();
    }

    /** The codings, each code once (a code sent twice names the same thing), in the order first met. */
    public static List<Coding> distinct(Collection<Coding> codings) {
        Map<String, Coding> byCode = new LinkedHashMap<>();
        for (Coding coding : codings) {
            if (coding != null) {
                byCode.putIfAbsent(coding.getCode(), coding);
            }
        }
        return List.copyOf(byCode.values());
    }
}
