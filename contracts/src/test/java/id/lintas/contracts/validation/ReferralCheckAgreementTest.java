package id.lintas.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.canonical.CanonicalWriter;
import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.ExternalIdentifier;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.Officer;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Perpetrator;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.testing.GeneratedReferrals;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Validity by construction (ADR 0011): for typed referrals an adapter can produce, {@link ReferralCheck}
 * accepts exactly what HAPI's full validation of the Bundle {@link CanonicalWriter} writes accepts.
 * Generated referrals (seeded, every code of every hub ValueSet) are valid for both; each way an
 * adapter could get a referral wrong (a required element missing, a code outside its ValueSet, a
 * pattern or a FHIR datatype rule broken, a date no case can have) is refused by both.
 */
class ReferralCheckAgreementTest {

    private static final CanonicalValidator FULL = new CanonicalValidator();
    private static final ReferralCheck CHEAP = new ReferralCheck();
    private static final CanonicalWriter WRITER = CanonicalWriter.standard();
    private static final Plausibility PLAUSIBILITY = new Plausibility(java.time.Clock.systemUTC());
    private static final int GENERATED = 120;

    @Test
    void everyGeneratedReferralIsValidForBothAndTogetherTheyUseEveryHubCode() {
        GeneratedReferrals generated = new GeneratedReferrals(17);
        Set<String> used = new HashSet<>();
        for (int i = 0; i < GENERATED; i++) {
            Referral referral = generated.next();
            assertThat(describe(full(referral))).as("full validation of #%d", i).isEmpty();
            assertThat(describe(CHEAP.check(referral)))
                    .as("cheap check of #%d", i)
                    .isEmpty();
            used.addAll(codesOf(referral));
        }
        for (String system : List.of(
                Canonical.CS_SERVICE,
                Canonical.CS_VIOLENCE_FORM,
                Canonical.CS_RELATIONSHIP,
                Canonical.CS_INCIDENT_PLACE,
                Canonical.CS_INTAKE_CHANNEL,
                Canonical.CS_EDUCATION,
                Canonical.CS_DISABILITY,
                Canonical.CS_LAWFUL_BASIS,
                Canonical.CS_CONSENT_GIVER)) {
            assertThat(used)
                    .as(system)
                    .containsAll(generated.codes(system).stream()
                            .map(code -> system + "#" + code)
                            .toList());
        }
    }

    @Test
    void whatFullValidationRefusesTheCheapCheckRefusesToo() {
        GeneratedReferrals generated = new GeneratedReferrals(41);
        Map<String, UnaryOperator<Referral>> mistakes = mistakes();
        List<String> disagreements = new ArrayList<>();
        int round = 0;
        for (int i = 0; i < 3; i++) {
            for (Map.Entry<String, UnaryOperator<Referral>> mistake : mistakes.entrySet()) {
                Referral wrong = mistake.getValue().apply(generated.next());
                ValidationReport full = full(wrong);
                ValidationReport cheap = CHEAP.check(wrong);
                if (full.isValid() || cheap.isValid()) {
                    disagreements.add(mistake.getKey() + " (round " + round + "): full " + describe(full) + ", cheap "
                            + describe(cheap));
                }
            }
            round++;
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void whatFullValidationAcceptsTheCheapCheckAcceptsToo() {
        // FHIR R4's validator does not hold strings to their datatype's pattern; neither does the check.
        Referral referral = new GeneratedReferrals(5).next();
        for (Referral odd : List.of(
                victim(referral, v -> with(v, "name", "  ")),
                referral.toBuilder().chronology("Kronologi\u0001sintetis").build())) {
            assertThat(full(odd).isValid()).isTrue();
            assertThat(CHEAP.check(odd).isValid()).isTrue();
        }
    }

    @Test
    void aReferralTheWriterCannotWriteIsRefusedByTheCheapCheck() {
        Referral referral = new GeneratedReferrals(3).next();

        assertThat(CHEAP.check(referral.toBuilder().kind(null).build()).errors())
                .extracting(ValidationReport.Issue::location)
                .containsExactly("Bundle.entry[0].resource.code");
    }

    /**
     * HAPI's validation of the Bundle the writer writes, and Plausibility: what
     * {@link CanonicalValidator#validate(CanonicalReferral)} does, also for a referral without the case
     * number a {@code CanonicalReferral} requires.
     */
    private static ValidationReport full(Referral referral) {
        List<ValidationReport.Issue> errors =
                new ArrayList<>(FULL.validate(WRITER.write(referral)).errors());
        errors.addAll(PLAUSIBILITY.check(referral));
        return new ValidationReport(errors, List.of());
    }

    /** Each a mistake an adapter could make; each broken referral must be refused by both. */
    private static Map<String, UnaryOperator<Referral>> mistakes() {
        Map<String, UnaryOperator<Referral>> m = new LinkedHashMap<>();
        m.put("no victim", r -> r.toBuilder().victims(List.of()).build());
        m.put("victim without name", r -> victim(r, v -> with(v, "name", null)));
        m.put("victim without gender", r -> victim(r, v -> with(v, "gender", null)));
        m.put("NIK of 15 digits", r -> victim(r, v -> with(v, "nik", "167401010190000")));
        m.put("phone not in E.164", r -> victim(r, v -> with(v, "phone", "081234567890")));
        m.put("unknown education", r -> victim(r, v -> with(v, "education", "S3")));
        m.put("unknown disability", r -> victim(r, v -> with(v, "disabilities", List.of("BUTA_WARNA"))));
        m.put("age 0 (FHIR's Age is positive)", r -> victim(r, v -> with(v, "age", 0)));
        m.put("age 121", r -> victim(r, v -> with(v, "age", 121)));
        m.put("born in the future", r -> victim(r, v -> with(v, "birthDate", PartialDateTime.of(Year.of(2999)))));
        m.put("consent without date", r -> victim(r, v -> v.withConsent(consent(v, null, "date"))));
        m.put("consent without lawful basis", r -> victim(r, v -> v.withConsent(consent(v, null, "basis"))));
        m.put("unknown lawful basis", r -> victim(r, v -> v.withConsent(consent(v, "KEINGINAN", "basis"))));
        m.put("unknown consent giver", r -> victim(r, v -> v.withConsent(consent(v, "TETANGGA", "giver"))));
        m.put("without urgency", r -> r.toBuilder().urgency(null).build());
        m.put("without report date", r -> r.toBuilder().authoredOn(null).build());
        m.put(
                "reported in the future",
                r -> r.toBuilder().authoredOn(r.authoredOn().withYear(2999)).build());
        m.put(
                "without reporting region",
                r -> r.toBuilder().reportingRegion(null).build());
        m.put("without sender", r -> r.toBuilder().sender(null).build());
        m.put("without case number", r -> r.toBuilder().sourceCaseNumber(null).build());
        m.put("revision 0", r -> r.toBuilder().revision(0).build());
        m.put(
                "unknown intake channel",
                r -> r.toBuilder().intakeChannel("MERPATI").build());
        m.put("unknown service", r -> r.toBuilder().services(List.of("PIJAT")).build());
        m.put(
                "another identifier without value",
                r -> r.toBuilder()
                        .identifier(new ExternalIdentifier("urn:ietf:rfc:3986", ""))
                        .build());
        m.put("unknown form of violence", r -> incident(r, List.of("GAIB"), Incident.HOUSEHOLD));
        m.put("unknown place", r -> incident(r, List.of(Incident.SEXUAL), "HUTAN_LARANGAN"));
        m.put("perpetrator without relationship", r -> perpetrator(r, new Perpetrator(null, null, null, null)));
        m.put(
                "perpetrator with an unknown relationship",
                r -> perpetrator(r, new Perpetrator(null, null, null, "MUSUH")));
        m.put(
                "officer with nothing known",
                r -> r.toBuilder().officer(new Officer(null, null, null)).build());
        m.put("perpetrator aged 0", r -> perpetrator(r, new Perpetrator(null, null, 0, Perpetrator.UNKNOWN)));
        return m;
    }

    private static Referral victim(Referral r, UnaryOperator<Victim> change) {
        List<Victim> victims = new ArrayList<>(r.victims());
        victims.set(0, change.apply(victims.get(0)));
        return r.toBuilder().victims(victims).build();
    }

    private static Referral incident(Referral r, List<String> forms, String place) {
        List<Victim> victims =
                r.victims().stream().map(v -> v.withIncident(null)).toList();
        return r.toBuilder()
                .victims(victims)
                .incident(new Incident(forms, null, null, place))
                .build();
    }

    private static Referral perpetrator(Referral r, Perpetrator perpetrator) {
        return r.toBuilder().perpetrator(perpetrator).build();
    }

    private static Consent consent(Victim v, String value, String part) {
        Consent c = v.consent() != null
                ? v.consent()
                : new Consent(true, Consent.CONSENT, "WALI", PartialDateTime.of(Year.of(2024)));
        return switch (part) {
            case "date" -> new Consent(c.permit(), c.basis(), c.giver(), null);
            case "basis" -> new Consent(c.permit(), value, c.giver(), c.date());
            default -> new Consent(c.permit(), c.basis(), value, c.date());
        };
    }

    /** A victim with one component changed (the record has no withers for most). */
    private static Victim with(Victim v, String component, Object value) {
        return new Victim(
                component.equals("nik") ? (String) value : v.nik(),
                component.equals("name") ? (String) value : v.name(),
                component.equals("gender") ? (id.lintas.contracts.model.Gender) value : v.gender(),
                component.equals("birthDate")
                        ? (PartialDateTime) value
                        : component.equals("age") ? null : v.birthDate(),
                component.equals("age") ? (Integer) value : component.equals("birthDate") ? null : v.age(),
                component.equals("phone") ? (String) value : v.phone(),
                v.addressLine(),
                v.domicile(),
                v.domicileDistrict(),
                v.citizenship(),
                component.equals("education") ? (String) value : v.education(),
                component.equals("disabilities") ? castList(value) : v.disabilities(),
                v.occupation(),
                v.sensitive(),
                v.consent(),
                v.incident());
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    private static Set<String> codesOf(Referral r) {
        Set<String> codes = new HashSet<>();
        r.services().forEach(s -> codes.add(Canonical.CS_SERVICE + "#" + s));
        codes.add(Canonical.CS_INTAKE_CHANNEL + "#" + r.intakeChannel());
        for (Incident incident : r.incidents()) {
            incident.forms().forEach(f -> codes.add(Canonical.CS_VIOLENCE_FORM + "#" + f));
            codes.add(Canonical.CS_INCIDENT_PLACE + "#" + incident.place());
        }
        r.perpetrators().forEach(p -> codes.add(Canonical.CS_RELATIONSHIP + "#" + p.relationship()));
        for (Victim v : r.victims()) {
            codes.add(Canonical.CS_EDUCATION + "#" + v.education());
            v.disabilities().forEach(d -> codes.add(Canonical.CS_DISABILITY + "#" + d));
            if (v.consent() != null) {
                codes.add(Canonical.CS_LAWFUL_BASIS + "#" + v.consent().basis());
                codes.add(Canonical.CS_CONSENT_GIVER + "#" + v.consent().giver());
            }
        }
        return codes;
    }

    private static String describe(ValidationReport report) {
        return report.errors().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }
}
