package id.lintas.adapter.jakarta;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import id.lintas.contracts.canonical.AdministrativeCode;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.hl7.fhir.r4.model.Type;

/** FHIR building blocks shared by the mappers. */
final class Fhir {

    /** The canonical model's fixed reading of the hub's urgency as FHIR priority. */
    static final Map<String, TaskPriority> PRIORITY = Map.of(
            "TINGGI", TaskPriority.ASAP,
            "SEDANG", TaskPriority.URGENT,
            "RENDAH", TaskPriority.ROUTINE);

    static final String CONDITION_CATEGORY_VIOLENCE = "KEKERASAN";
    static final String SDV_DISPLAY = "sexual and domestic violence related information sensitivity";

    private static final Pattern OFFSET = Pattern.compile(".*T.*(Z|[+-]\\d{2}:\\d{2})$");

    private Fhir() {}

    static void profile(Resource resource, String profile) {
        resource.getMeta().addProfile(profile);
    }

    /** A region as a dotted Kemendagri coding ({@code 31.73}). */
    static Coding regionCoding(Region region) {
        return new Coding(Canonical.CS_REGION, region.kemendagri(), region.name());
    }

    /** SATUSEHAT's administrativeCode extension: province, city and, when known, district, without dots. */
    static Extension administrativeCode(Region region, String district) {
        Extension extension = AdministrativeCode.of(region);
        if (district != null && !region.isProvince() && district.startsWith(region.kemendagriCompact())) {
            extension.addExtension(JakartaFhir.DISTRICT, new CodeType(district));
        }
        return extension;
    }

    static Optional<String> subExtension(Address address, String name) {
        Extension extension = address.getExtensionByUrl(Canonical.EXT_ADMINISTRATIVE_CODE);
        if (extension == null) {
            return Optional.empty();
        }
        Extension sub = extension.getExtensionByUrl(name);
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
        TemporalPrecisionEnum precision = time.getNano() == 0 ? TemporalPrecisionEnum.SECOND : TemporalPrecisionEnum.MILLI;
        return new DateTimeType(Date.from(time.toInstant()), precision, TimeZone.getTimeZone(time.getZone()));
    }

    static Optional<Coding> coding(CodeableConcept concept, String system) {
        if (concept == null) {
            return Optional.empty();
        }
        return concept.getCoding().stream().filter(c -> system.equals(c.getSystem())).findFirst();
    }

    static List<Coding> codings(CodeableConcept concept, String system) {
        if (concept == null) {
            return List.of();
        }
        return concept.getCoding().stream().filter(c -> system.equals(c.getSystem())).toList();
    }

    static <T extends Type> Optional<T> extensionValue(DomainResource resource, String url, Class<T> type) {
        Extension extension = resource.getExtensionByUrl(url);
        if (extension == null || !type.isInstance(extension.getValue())) {
            return Optional.empty();
        }
        return Optional.of(type.cast(extension.getValue()));
    }

    /** A dotted Kemendagri code without dots, checked against the region table; null with an error when unknown. */
    static String compact(RegionTable regions, Errors errors, String dotted, String field) {
        Optional<Region> region = regions.byKemendagri(dotted);
        if (region.isEmpty()) {
            errors.add(field, "unknown Kemendagri region '" + dotted + "'");
            return null;
        }
        return region.get().kemendagriCompact();
    }

    /** FHIRPath of an extension's value, as an OperationOutcome names it. */
    static String extensionPath(String resourceType, String url) {
        return resourceType + ".extension('" + url + "').value";
    }
}
