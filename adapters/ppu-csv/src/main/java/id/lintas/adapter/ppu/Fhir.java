package id.lintas.adapter.ppu;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import id.lintas.contracts.canonical.AdministrativeCode;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Type;

/** Small FHIR value builders shared by the mappers; stateless. */
final class Fhir {

    static final String UCUM = "http://unitsofmeasure.org";
    static final String ADMINISTRATIVE_GENDER = "http://hl7.org/fhir/administrative-gender";
    static final String TASK_STATUS = "http://hl7.org/fhir/task-status";

    private Fhir() {}

    /** A hub code with the display of its CodeSystem. */
    static Coding hub(Terminology terminology, String system, String code) {
        return new Coding(system, code, terminology.display(system, code).orElse(null));
    }

    static CodeableConcept concept(Coding coding) {
        return new CodeableConcept().addCoding(coding);
    }

    /** A region as the canonical model codes it: dotted Kemendagri, the Kemendagri name as display. */
    static Coding region(Region region) {
        return new Coding(Canonical.CS_REGION, region.kemendagri(), region.name());
    }

    static Age years(int years) {
        Age age = new Age();
        age.setValue(years).setUnit("a").setSystem(UCUM).setCode("a");
        return age;
    }

    /** An instant with the sender's offset, to the second as FHIR requires. */
    static DateTimeType instant(ZonedDateTime at) {
        return new DateTimeType(
                Date.from(at.toInstant()), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(at.getZone()));
    }

    /** A calendar date without a time or zone (birth, incident). */
    static DateType date(LocalDate date) {
        return new DateType(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
    }

    static DateTimeType dateTime(LocalDate date) {
        return new DateTimeType(date.toString());
    }

    static void profile(DomainResource resource, String profile) {
        resource.getMeta().addProfile(profile);
    }

    /** The SATUSEHAT administrativeCode extension: Kemendagri codes without dots. */
    static Extension administrativeCode(Region region) {
        return AdministrativeCode.of(region);
    }

    static Type value(DomainResource resource, String url) {
        Extension ext = resource.getExtensionByUrl(url);
        return ext == null ? null : ext.getValue();
    }

    static Coding codingValue(DomainResource resource, String url) {
        return value(resource, url) instanceof Coding coding ? coding : null;
    }

    /** The first coding of a concept in a system, or null. */
    static Coding coding(CodeableConcept concept, String system) {
        if (concept == null) {
            return null;
        }
        return concept.getCoding().stream()
                .filter(c -> system.equals(c.getSystem()))
                .findFirst()
                .orElse(null);
    }
}
