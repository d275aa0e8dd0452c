package id.lintas.adapter.prabumulih;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import id.lintas.contracts.canonical.AdministrativeCode;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.terminology.Terminology;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/** FHIR building blocks shared by the mappers: codings, regions, ages, instants, extensions. */
final class Fhir {

    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    static final String CONSENT_SCOPE_PRIVACY = "patient-privacy";
    static final String LOINC = "http://loinc.org";
    static final String LOINC_PRIVACY_CONSENT = "59284-0";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String UCUM_YEAR = "a";
    static final String UCUM_MONTH = "mo";
    static final String ADMINISTRATIVE_GENDER = "http://hl7.org/fhir/administrative-gender";
    static final String CONDITION_CATEGORY_VIOLENCE = "KEKERASAN";
    /** The administrativeCode sub-extension for a district (kecamatan), Kemendagri without dots. */
    static final String DISTRICT = "district";
    /** FHIR's system for identifiers that are URIs; Prabumulih's case uuid is kept as {@code urn:uuid:...}. */
    static final String URI_IDENTIFIER = "urn:ietf:rfc:3986";
    static final String URN_UUID = "urn:uuid:";

    private Fhir() {}

    static void profile(Resource resource, String profile) {
        resource.getMeta().addProfile(profile);
    }

    /** A hub coding with the display its CodeSystem gives, when it gives one. */
    static Coding hubCoding(Terminology terminology, String system, String code) {
        return new Coding(system, code, terminology.display(system, code).orElse(null));
    }

    /** A region as a dotted Kemendagri coding ({@code 16.74}). */
    static Coding regionCoding(Region region) {
        return new Coding(Canonical.CS_REGION, region.kemendagri(), region.name());
    }

    /** The SATUSEHAT administrativeCode extension: province, city and, when known, district, without dots. */
    static Extension administrativeCode(Region region, String district) {
        Extension extension = AdministrativeCode.of(region);
        if (district != null) {
            extension.addExtension(DISTRICT, new CodeType(district));
        }
        return extension;
    }

    /** The most precise region code (without dots) an address's administrativeCode extension names. */
    static Optional<String> administrativeCode(Address address) {
        return AdministrativeCode.mostPrecise(address);
    }

    /** The district (kecamatan) code an address's administrativeCode extension names. */
    static Optional<String> district(Address address) {
        Extension extension = address.getExtensionByUrl(Canonical.EXT_ADMINISTRATIVE_CODE);
        if (extension == null) {
            return Optional.empty();
        }
        Extension district = extension.getExtensionByUrl(DISTRICT);
        if (district == null || !district.hasValue()) {
            return Optional.empty();
        }
        return Optional.ofNullable(district.getValue().primitiveValue());
    }

    /** The region an address's administrativeCode extension names, when the table knows it. */
    static Optional<Region> administrativeRegion(Address address, RegionTable regions) {
        return administrativeCode(address).flatMap(regions::byKemendagriCompact);
    }

    static Extension age(int years) {
        Age age = new Age();
        age.setValue(BigDecimal.valueOf(years)).setUnit(UCUM_YEAR).setSystem(UCUM).setCode(UCUM_YEAR);
        return new Extension(Canonical.EXT_AGE, age);
    }

    /** An age in whole years, from an age in years or months; empty if none or in another unit. */
    static Optional<Integer> ageYears(DomainResource resource) {
        Extension extension = resource.getExtensionByUrl(Canonical.EXT_AGE);
        if (extension == null || !(extension.getValue() instanceof Age age) || !age.hasValue()) {
            return Optional.empty();
        }
        if (UCUM_YEAR.equals(age.getCode())) {
            return Optional.of(age.getValue().intValue());
        }
        if (UCUM_MONTH.equals(age.getCode())) {
            return Optional.of(age.getValue().intValue() / 12);
        }
        return Optional.empty();
    }

    /** A local time of the sender as an instant that keeps the sender's offset ({@code +07:00}). */
    static DateTimeType instant(ZonedDateTime time) {
        return new DateTimeType(
                Date.from(time.toInstant()), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(time.getZone()));
    }

    static Optional<Coding> coding(CodeableConcept concept, String system) {
        if (concept == null) {
            return Optional.empty();
        }
        return concept.getCoding().stream().filter(c -> system.equals(c.getSystem())).findFirst();
    }

    static Optional<Coding> extensionCoding(DomainResource resource, String url) {
        return extensionValue(resource, url, Coding.class);
    }

    static <T extends Type> Optional<T> extensionValue(DomainResource resource, String url, Class<T> type) {
        Extension extension = resource.getExtensionByUrl(url);
        if (extension == null || !type.isInstance(extension.getValue())) {
            return Optional.empty();
        }
        return Optional.of(type.cast(extension.getValue()));
    }
}
