package id.lintas.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.canonical.Canonical;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** Dates and ages no case can have are refused, naming the element; partial dates are read as a range. */
class PlausibilityTest {

    private static final Plausibility RULES =
            new Plausibility(Clock.fixed(Instant.parse("2025-07-22T06:00:00Z"), ZoneOffset.UTC));

    @Test
    void acceptsABirthBeforeAnIncidentBeforeTheReport() {
        assertThat(RULES.check(bundle("2025-07-21T09:15:00+08:00", "1999-03-12", "2025-06", null)))
                .isEmpty();
        assertThat(RULES.check(bundle("2025-07-21T09:15:00+08:00", "2025-06-15", "2025-06", 0)))
                .isEmpty();
        assertThat(RULES.check(bundle("2025-07-22T14:05:00+08:00", null, "2025", 120)))
                .as("within the skew")
                .isEmpty();
    }

    @Test
    void refusesReportDatesInTheFutureOrLongAgo() {
        assertThat(fields(bundle("9999-07-21T09:15:00+08:00", "1999-03-12", "2025-06", null)))
                .containsExactly("Bundle.entry[0].resource.authoredOn");
        assertThat(fields(bundle("2025-07-22T07:00:00Z", null, null, null)))
                .containsExactly("Bundle.entry[0].resource.authoredOn");
        assertThat(fields(bundle("0001-07-21T09:15:00+08:00", null, null, null)))
                .containsExactly("Bundle.entry[0].resource.authoredOn");
    }

    @Test
    void refusesVictimsBornAfterTheReportOrMoreThan120YearsBefore() {
        List<ValidationReport.Issue> future =
                RULES.check(bundle("2025-07-21T09:15:00+08:00", "2999-03-12", null, null));
        assertThat(future)
                .extracting(ValidationReport.Issue::location)
                .containsExactly("Bundle.entry[1].resource.birthDate");
        assertThat(future.get(0).message()).isEqualTo("the birth date is after the report date");
        assertThat(fields(bundle("2025-07-21T09:15:00+08:00", "1800-01-01", null, null)))
                .containsExactly("Bundle.entry[1].resource.birthDate");
    }

    @Test
    void refusesAgesOutsideZeroTo120() {
        assertThat(fields(bundle("2025-07-21T09:15:00+08:00", null, null, -973)))
                .containsExactly("Bundle.entry[1].resource.extension('" + Canonical.EXT_AGE + "').value");
        assertThat(fields(bundle("2025-07-21T09:15:00+08:00", null, null, 121))).hasSize(1);
    }

    @Test
    void refusesIncidentsBeforeTheBirthOrAfterTheReport() {
        assertThat(fields(bundle("2025-07-21T09:15:00+08:00", "2010-05-01", "2009", null)))
                .containsExactly("Bundle.entry[2].resource.onset");
        assertThat(fields(bundle("2025-07-21T09:15:00+08:00", "2010-05-01", "2025-08-01", null)))
                .containsExactly("Bundle.entry[2].resource.onset");
    }

    @Test
    void tellsWhichCanonicalFieldAndVictimEachFindingIsAbout() {
        Bundle bundle = bundle("2025-07-21T09:15:00+08:00", "1999-03-12", null, null);
        bundle.addEntry().setResource(new Patient().setBirthDateElement(new DateType("2999-01-01")));

        assertThat(RULES.check(bundle)).singleElement().satisfies(issue -> {
            assertThat(issue.location()).isEqualTo("Bundle.entry[3].resource.birthDate");
            assertThat(issue.field()).isEqualTo(id.lintas.contracts.spi.CanonicalField.VICTIM_BIRTH_DATE);
            assertThat(issue.victim()).isEqualTo(1);
        });
    }

    private static List<String> fields(Bundle bundle) {
        return RULES.check(bundle).stream()
                .map(ValidationReport.Issue::location)
                .toList();
    }

    private static Bundle bundle(String reported, String born, String incident, Integer age) {
        Bundle bundle = new Bundle();
        bundle.addEntry().setResource(new Task().setAuthoredOnElement(new DateTimeType(reported)));
        Patient victim = new Patient();
        if (born != null) {
            victim.setBirthDateElement(new DateType(born));
        }
        if (age != null) {
            victim.addExtension(Canonical.EXT_AGE, new Age().setValue(new BigDecimal(age)));
        }
        bundle.addEntry().setResource(victim);
        Condition condition = new Condition();
        if (incident != null) {
            condition.setOnset(new DateTimeType(incident));
        }
        bundle.addEntry().setResource(condition);
        return bundle;
    }
}
