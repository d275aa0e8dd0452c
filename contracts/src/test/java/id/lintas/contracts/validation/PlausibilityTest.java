package id.lintas.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.model.Gender;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dates and ages no case can have are refused, naming the element of the canonical Bundle; partial
 * dates are read as a range. The referral is typed; its Bundle would hold the Task at entry 0, the
 * victim at 1 and the incident's Condition at 2.
 */
class PlausibilityTest {

    private static final Plausibility RULES =
            new Plausibility(Clock.fixed(Instant.parse("2025-07-22T06:00:00Z"), ZoneOffset.UTC));

    @Test
    void acceptsABirthBeforeAnIncidentBeforeTheReport() {
        assertThat(RULES.check(referral("2025-07-21T09:15:00+08:00", "1999-03-12", "2025-06", null)))
                .isEmpty();
        assertThat(RULES.check(referral("2025-07-21T09:15:00+08:00", "2025-06-15", "2025-06", 0)))
                .isEmpty();
        assertThat(RULES.check(referral("2025-07-22T14:05:00+08:00", null, "2025", 120)))
                .as("within the skew")
                .isEmpty();
    }

    @Test
    void refusesReportDatesInTheFutureOrLongAgo() {
        assertThat(fields(referral("9999-07-21T09:15:00+08:00", "1999-03-12", "2025-06", null)))
                .containsExactly("Bundle.entry[0].resource.authoredOn");
        assertThat(fields(referral("2025-07-22T07:00:00Z", null, null, null)))
                .containsExactly("Bundle.entry[0].resource.authoredOn");
        assertThat(fields(referral("0001-07-21T09:15:00+08:00", null, null, null)))
                .containsExactly("Bundle.entry[0].resource.authoredOn");
    }

    @Test
    void refusesVictimsBornAfterTheReportOrMoreThan120YearsBefore() {
        List<ValidationReport.Issue> future =
                RULES.check(referral("2025-07-21T09:15:00+08:00", "2999-03-12", null, null));
        assertThat(future)
                .extracting(ValidationReport.Issue::location)
                .containsExactly("Bundle.entry[1].resource.birthDate");
        assertThat(future.get(0).message()).isEqualTo("the birth date is after the report date");
        assertThat(fields(referral("2025-07-21T09:15:00+08:00", "1800-01-01", null, null)))
                .containsExactly("Bundle.entry[1].resource.birthDate");
    }

    @Test
    void refusesAgesOutsideZeroTo120() {
        assertThat(fields(referral("2025-07-21T09:15:00+08:00", null, null, -973)))
                .containsExactly("Bundle.entry[1].resource.extension('" + Canonical.EXT_AGE + "').value");
        assertThat(fields(referral("2025-07-21T09:15:00+08:00", null, null, 121)))
                .hasSize(1);
    }

    @Test
    void refusesIncidentsBeforeTheBirthOrAfterTheReport() {
        assertThat(fields(referral("2025-07-21T09:15:00+08:00", "2010-05-01", "2009", null)))
                .containsExactly("Bundle.entry[2].resource.onset");
        assertThat(fields(referral("2025-07-21T09:15:00+08:00", "2010-05-01", "2025-08-01", null)))
                .containsExactly("Bundle.entry[2].resource.onset");
    }

    @Test
    void tellsWhichCanonicalFieldAndVictimEachFindingIsAbout() {
        Referral one = referral("2025-07-21T09:15:00+08:00", "1999-03-12", null, null);
        // A service request before the victims puts the second victim at entry 3.
        Referral referral = one.toBuilder()
                .services(List.of("PSIKOLOGIS"))
                .victim(victim(PartialDateTime.parse("2999-01-01"), null))
                .build();

        assertThat(RULES.check(referral)).singleElement().satisfies(issue -> {
            assertThat(issue.location()).isEqualTo("Bundle.entry[3].resource.birthDate");
            assertThat(issue.field()).isEqualTo(id.lintas.contracts.spi.CanonicalField.VICTIM_BIRTH_DATE);
            assertThat(issue.victim()).isEqualTo(1);
        });
    }

    private static List<String> fields(Referral referral) {
        return RULES.check(referral).stream()
                .map(ValidationReport.Issue::location)
                .toList();
    }

    private static Referral referral(String reported, String born, String incident, Integer age) {
        return Referral.builder()
                .authoredOn(OffsetDateTime.parse(reported))
                .victim(victim(born == null ? null : PartialDateTime.parse(born), age))
                .incident(new Incident(
                        List.of(Incident.SEXUAL),
                        incident == null ? null : PartialDateTime.parse(incident),
                        null,
                        null))
                .build();
    }

    private static Victim victim(PartialDateTime born, Integer age) {
        return new Victim(
                null, null, Gender.FEMALE, born, age, null, null, null, null, null, null, List.of(), null, false, null);
    }
}
