package id.lintas.contracts.validation;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.spi.CanonicalField;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * What FHIR allows but no case can be: a report dated in the future or before 1900, a victim born
 * after the report or more than 120 years before it, violence before the victim was born or after it
 * was reported, an age outside 0 to 120. Checked on the canonical Bundle, so every region and every
 * entry point is held to the same dates. Each finding names the element (as the validator does), the
 * rule, never the value, and which {@link CanonicalField} (and victim) it is, for the sender's adapter
 * to name in the region's words.
 */
public final class Plausibility {

    /** A clock a little fast at the sender is tolerated; more is a wrong date. */
    static final Duration SKEW = Duration.ofMinutes(10);

    static final int MAX_AGE = 120;
    private static final LocalDate FLOOR = LocalDate.of(1900, 1, 1);

    private final Clock clock;

    public Plausibility(Clock clock) {
        this.clock = clock;
    }

    public List<ValidationReport.Issue> check(Bundle bundle) {
        List<ValidationReport.Issue> issues = new ArrayList<>();
        Instant now = clock.instant();
        // Dates without a zone are compared as calendar days; a day ahead allows for the regions' zones.
        LocalDate today = now.plus(Duration.ofDays(1)).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate reported = null;
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() instanceof Task task && task.hasAuthoredOn()) {
                String path = path(i, "authoredOn");
                BaseDateTimeType authored = task.getAuthoredOnElement();
                if (authored.getPrecision().ordinal() >= TemporalPrecisionEnum.MINUTE.ordinal()
                        && authored.getValue().toInstant().isAfter(now.plus(SKEW))) {
                    issues.add(issue(path, "the report date is in the future", CanonicalField.REPORT_DATE, -1));
                } else if (earliest(authored).isAfter(today)) {
                    issues.add(issue(path, "the report date is in the future", CanonicalField.REPORT_DATE, -1));
                } else if (latest(authored).isBefore(FLOOR)) {
                    issues.add(issue(path, "the report date is before 1900", CanonicalField.REPORT_DATE, -1));
                } else {
                    reported = earliest(authored);
                }
            }
        }
        LocalDate upper = reported != null ? reported : today;
        String upperName = reported != null ? "the report date" : "today";
        List<LocalDate> births = new ArrayList<>();
        int victim = -1;
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource resource = bundle.getEntry().get(i).getResource();
            if (resource instanceof Patient patient) {
                victim++;
                if (patient.hasBirthDate()) {
                    String path = path(i, "birthDate");
                    LocalDate born = earliest(patient.getBirthDateElement());
                    if (born.isAfter(upper)) {
                        issues.add(issue(
                                path,
                                "the birth date is after " + upperName,
                                CanonicalField.VICTIM_BIRTH_DATE,
                                victim));
                    } else if (latest(patient.getBirthDateElement()).isBefore(upper.minusYears(MAX_AGE + 1))) {
                        issues.add(issue(
                                path,
                                "the birth date makes the victim older than " + MAX_AGE,
                                CanonicalField.VICTIM_BIRTH_DATE,
                                victim));
                    } else {
                        births.add(born);
                    }
                }
                Extension age = patient.getExtensionByUrl(Canonical.EXT_AGE);
                if (age != null
                        && age.getValue() instanceof Age value
                        && value.hasValue()
                        && (value.getValue().signum() < 0 || value.getValue().intValue() > MAX_AGE)) {
                    issues.add(issue(
                            path(i, "extension('" + Canonical.EXT_AGE + "').value"),
                            "the age is not between 0 and " + MAX_AGE,
                            CanonicalField.VICTIM_AGE,
                            victim));
                }
            }
        }
        LocalDate firstBirth = births.stream().min(LocalDate::compareTo).orElse(null);
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() instanceof Condition condition
                    && condition.getOnset() instanceof BaseDateTimeType onset
                    && onset.getValue() != null) {
                String path = path(i, "onset");
                if (earliest(onset).isAfter(upper)) {
                    issues.add(
                            issue(path, "the incident date is after " + upperName, CanonicalField.INCIDENT_DATE, -1));
                } else if (firstBirth != null && latest(onset).isBefore(firstBirth)) {
                    issues.add(issue(
                            path, "the incident date is before the victim's birth", CanonicalField.INCIDENT_DATE, -1));
                } else if (latest(onset).isBefore(FLOOR)) {
                    issues.add(issue(path, "the incident date is before 1900", CanonicalField.INCIDENT_DATE, -1));
                }
            }
        }
        return issues;
    }

    private static ValidationReport.Issue issue(String path, String reason, CanonicalField field, int victim) {
        return new ValidationReport.Issue(path, reason, field, victim);
    }

    private static String path(int entry, String element) {
        return "Bundle.entry[" + entry + "].resource." + element;
    }

    /** The first day a date of any precision (a year, a month, a day, an instant) can mean, in its own zone. */
    private static LocalDate earliest(BaseDateTimeType date) {
        int month = date.getPrecision() == TemporalPrecisionEnum.YEAR ? 1 : date.getMonth() + 1;
        int day = date.getPrecision().ordinal() <= TemporalPrecisionEnum.MONTH.ordinal() ? 1 : date.getDay();
        return LocalDate.of(date.getYear(), month, day);
    }

    /** The last day it can mean. */
    private static LocalDate latest(BaseDateTimeType date) {
        LocalDate first = earliest(date);
        return switch (date.getPrecision()) {
            case YEAR -> first.withDayOfYear(first.lengthOfYear());
            case MONTH -> first.withDayOfMonth(first.lengthOfMonth());
            default -> first;
        };
    }
}
