package id.lintas.contracts.validation;

import id.lintas.contracts.canonical.CanonicalLayout;
import id.lintas.contracts.canonical.CanonicalWriter;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.spi.CanonicalField;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What FHIR allows but no case can be: a report dated in the future or before 1900, a victim born
 * after the report or more than 120 years before it, violence before the victim was born or after it
 * was reported, an age outside 0 to 120. Checked on the typed canonical referral, so every region and
 * every entry point is held to the same dates. Each finding names the element of the canonical Bundle
 * (as the validator does, see {@link CanonicalLayout}), the rule, never the value, and which
 * {@link CanonicalField} (and victim) it is, for the sender's adapter to name in the region's words.
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

    public List<ValidationReport.Issue> check(Referral referral) {
        CanonicalLayout layout = CanonicalLayout.of(referral);
        List<ValidationReport.Issue> issues = new ArrayList<>();
        Instant now = clock.instant();
        // Dates without a zone are compared as calendar days; a day ahead allows for the regions' zones.
        LocalDate today = now.plus(Duration.ofDays(1)).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate reported = null;
        if (referral.authoredOn() != null) {
            String path = layout.task("authoredOn");
            // As written: the Bundle holds the instant with its offset in whole minutes.
            OffsetDateTime authored = CanonicalWriter.inWholeMinutes(referral.authoredOn());
            LocalDate day = authored.toLocalDate();
            if (authored.toInstant().isAfter(now.plus(SKEW)) || day.isAfter(today)) {
                issues.add(issue(path, "the report date is in the future", CanonicalField.REPORT_DATE, -1));
            } else if (day.isBefore(FLOOR)) {
                issues.add(issue(path, "the report date is before 1900", CanonicalField.REPORT_DATE, -1));
            } else {
                reported = day;
            }
        }
        LocalDate upper = reported != null ? reported : today;
        String upperName = reported != null ? "the report date" : "today";
        List<LocalDate> births = new ArrayList<>();
        for (int v = 0; v < referral.victims().size(); v++) {
            Victim victim = referral.victims().get(v);
            PartialDateTime birth = victim.birthDate();
            if (birth != null) {
                String path = layout.victim(v, "birthDate");
                if (birth.firstDay().isAfter(upper)) {
                    issues.add(
                            issue(path, "the birth date is after " + upperName, CanonicalField.VICTIM_BIRTH_DATE, v));
                } else if (birth.lastDay().isBefore(upper.minusYears(MAX_AGE + 1))) {
                    issues.add(issue(
                            path,
                            "the birth date makes the victim older than " + MAX_AGE,
                            CanonicalField.VICTIM_BIRTH_DATE,
                            v));
                } else {
                    births.add(birth.firstDay());
                }
            }
            if (victim.age() != null && (victim.age() < 0 || victim.age() > MAX_AGE)) {
                issues.add(issue(
                        layout.victimAge(v), "the age is not between 0 and " + MAX_AGE, CanonicalField.VICTIM_AGE, v));
            }
        }
        LocalDate firstBirth = births.stream().min(LocalDate::compareTo).orElse(null);
        for (int v = 0; v < referral.victims().size(); v++) {
            Incident incident = referral.victims().get(v).incidentIn(referral);
            if (incident == null || incident.onset() == null) {
                continue;
            }
            PartialDateTime onset = incident.onset();
            // One finding a Condition, as the validator would give: the Bundle holds one a victim a form.
            for (String path : layout.conditions(v, "onset")) {
                if (onset.firstDay().isAfter(upper)) {
                    issues.add(
                            issue(path, "the incident date is after " + upperName, CanonicalField.INCIDENT_DATE, -1));
                } else if (firstBirth != null && onset.lastDay().isBefore(firstBirth)) {
                    issues.add(issue(
                            path, "the incident date is before the victim's birth", CanonicalField.INCIDENT_DATE, -1));
                } else if (onset.lastDay().isBefore(FLOOR)) {
                    issues.add(issue(path, "the incident date is before 1900", CanonicalField.INCIDENT_DATE, -1));
                }
            }
        }
        return issues;
    }

    private static ValidationReport.Issue issue(String path, String reason, CanonicalField field, int victim) {
        return new ValidationReport.Issue(path, reason, field, victim);
    }
}
