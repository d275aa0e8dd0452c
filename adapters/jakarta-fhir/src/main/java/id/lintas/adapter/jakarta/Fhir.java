package id.lintas.adapter.jakarta;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import id.lintas.contracts.model.Gender;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Type;

/** FHIR building blocks shared by the readers and writers of Jakarta's resources. */
final class Fhir {

    private static final Pattern OFFSET = Pattern.compile(".*T.*(Z|[+-]\\d{2}:\\d{2})$");

    private Fhir() {}

    /**
     * SATUSEHAT's administrativeCode extension, as Jakarta's Patients carry it (FORMAT.md): the province,
     * the regency/city unless the region is a province, the district when known; Kemendagri codes without dots.
     */
    static Extension administrativeCode(Region region, String district) {
        Extension extension = new Extension(JakartaFhir.EXT_ADMINISTRATIVE_CODE);
        extension.addExtension(
                JakartaFhir.PROVINCE, new CodeType(region.province().replace(".", "")));
        if (!region.isProvince()) {
            extension.addExtension(JakartaFhir.CITY, new CodeType(region.kemendagriCompact()));
        }
        if (district != null) {
            extension.addExtension(JakartaFhir.DISTRICT, new CodeType(district));
        }
        return extension;
    }

    static Optional<String> subExtension(Address address, String name) {
        Extension extension = first(address.getExtension(), JakartaFhir.EXT_ADMINISTRATIVE_CODE);
        if (extension == null) {
            return Optional.empty();
        }
        Extension sub = first(extension.getExtension(), name);
        if (sub == null || !sub.hasValue()) {
            return Optional.empty();
        }
        return Optional.ofNullable(sub.getValue().primitiveValue());
    }

    /** Whether a dateTime carries a time and an offset (an instant, exact as sent). */
    static boolean hasOffset(DateTimeType time) {
        String text = time.getValueAsString();
        return text != null && OFFSET.matcher(text).matches();
    }

    /** An instant written with the offset of a zone ({@code +07:00}). */
    static DateTimeType instant(ZonedDateTime time) {
        TemporalPrecisionEnum precision =
                time.getNano() == 0 ? TemporalPrecisionEnum.SECOND : TemporalPrecisionEnum.MILLI;
        return new DateTimeType(Date.from(time.toInstant()), precision, TimeZone.getTimeZone(time.getZone()));
    }

    /** An instant as Jakarta's dateTime, with the offset it was written in. */
    static DateTimeType dateTime(OffsetDateTime time) {
        return new DateTimeType(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
    }

    /** A date or dateTime to the precision Jakarta wrote it; null with an error naming the element when it is not one. */
    static PartialDateTime partial(BaseDateTimeType value, String field, Errors errors) {
        String text = value.getValueAsString();
        if (text == null) {
            return null;
        }
        try {
            return PartialDateTime.parse(text);
        } catch (DateTimeException | IllegalArgumentException e) {
            errors.add(field, "expected a date, or a date and time with an offset");
            return null;
        }
    }

    /** FHIR's gender as the model's; null when absent. */
    static Gender gender(AdministrativeGender gender) {
        if (gender == null || gender == AdministrativeGender.NULL) {
            return null;
        }
        return Gender.ofCode(gender.toCode());
    }

    /** The model's gender as FHIR's; null when absent. */
    static AdministrativeGender gender(Gender gender) {
        return gender == null ? null : AdministrativeGender.fromCode(gender.code());
    }

    static Optional<Coding> coding(CodeableConcept concept, String system) {
        if (concept == null) {
            return Optional.empty();
        }
        return concept.getCoding().stream()
                .filter(c -> system.equals(c.getSystem()))
                .findFirst();
    }

    static List<Coding> codings(CodeableConcept concept, String system) {
        if (concept == null) {
            return List.of();
        }
        return concept.getCoding().stream()
                .filter(c -> system.equals(c.getSystem()))
                .toList();
    }

    /**
     * The first extension of a URL, or null. Several are read as the first, as several Consents or NIKs
     * of a victim are (HAPI's {@code getExtensionByUrl} throws on a second: a malformed message would
     * end in an error without a field).
     */
    static Extension first(List<Extension> extensions, String url) {
        for (Extension extension : extensions) {
            if (url.equals(extension.getUrl())) {
                return extension;
            }
        }
        return null;
    }

    static <T extends Type> Optional<T> extensionValue(DomainResource resource, String url, Class<T> type) {
        Extension extension = first(resource.getExtension(), url);
        if (extension == null || !type.isInstance(extension.getValue())) {
            return Optional.empty();
        }
        return Optional.of(type.cast(extension.getValue()));
    }

    /** A dotted Kemendagri code without dots, checked against the region table; null with an error when unknown. */
    static String compact(RegionTable regions, Errors errors, String dotted, String field) {
        Optional<Region> known = regions.byKemendagri(dotted);
        if (known.isEmpty()) {
            errors.add(field, "unknown Kemendagri region '" + dotted + "'");
            return null;
        }
        return known.get().kemendagriCompact();
    }

    /** FHIRPath of an extension's value, as an OperationOutcome names it. */
    static String extensionPath(String resourceType, String url) {
        return resourceType + ".extension('" + url + "').value";
    }
}
