package id.lintas.contracts.testing;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.model.Citizenship;
import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.ExternalIdentifier;
import id.lintas.contracts.model.Gender;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.Officer;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.model.Perpetrator;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.ReferralKind;
import id.lintas.contracts.model.Urgency;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;

/**
 * Synthetic typed referrals as an adapter could hand them to {@code CanonicalWriter}, from a seed:
 * one to four victims and zero to three perpetrators, every optional field present or absent, partial
 * dates of every precision, ages instead of birth dates, per-victim incidents, routed or not. The
 * {@code n}-th referral takes the {@code n}-th code (modulo) of every hub ValueSet in each coded field,
 * so a few dozen referrals use every code. All dates are plausible (born 1950 to 2014, violence 2015 to
 * 2019, reported 2020 to 2025); all names and numbers are invented.
 */
public final class GeneratedReferrals {

    private static final List<ZoneOffset> OFFSETS =
            List.of(ZoneOffset.ofHours(7), ZoneOffset.ofHours(8), ZoneOffset.ofHours(9));

    private final Random random;
    private final Map<String, List<String>> codes;
    private final List<Region> regions;
    private int n;

    public GeneratedReferrals(long seed) {
        random = new Random(seed);
        codes = Terminology.standard().codeSystems().stream()
                .collect(Collectors.toMap(
                        CodeSystem::getUrl,
                        cs -> cs.getConcept().stream()
                                .map(CodeSystem.ConceptDefinitionComponent::getCode)
                                .sorted()
                                .toList()));
        regions = RegionTable.standard().all();
    }

    /** The codes of a hub CodeSystem, sorted. */
    public List<String> codes(String system) {
        return codes.get(system);
    }

    /** The next referral. */
    public Referral next() {
        int i = n++;
        OffsetDateTime reported = OffsetDateTime.of(
                LocalDate.of(2020 + random.nextInt(6), 1 + random.nextInt(6), 1 + random.nextInt(28)),
                LocalTime.of(random.nextInt(24), random.nextInt(60), random.nextInt(60)),
                OFFSETS.get(random.nextInt(OFFSETS.size())));
        Region home = region();
        Party sender = new Party("sender-" + random.nextInt(5), maybe(() -> "Organisasi Sintetis " + i), home);
        Referral.Builder referral = Referral.builder()
                .sourceCaseNumber("SINTETIS/" + reported.getYear() + "/" + i)
                .revision(1 + random.nextInt(4))
                .kind(ReferralKind.values()[i % ReferralKind.values().length])
                .urgency(Urgency.values()[i % Urgency.values().length])
                .authoredOn(reported)
                .intakeChannel(maybe(() -> code(Canonical.CS_INTAKE_CHANNEL, i)))
                .reportingRegion(home)
                .requestedDestination(maybe(this::region))
                .reason(maybe(() -> "Alasan sintetis " + i))
                .chronology(maybe(() -> "Kronologi sintetis " + i + "\nbaris kedua"))
                .incident(incident(i))
                .sender(sender)
                .officer(maybe(() ->
                        new Officer(maybe(() -> digits(18)), "Petugas Sintetis", maybe(() -> "+62" + digits(9)))));
        if (random.nextBoolean()) {
            referral.identifier(
                    new ExternalIdentifier("urn:ietf:rfc:3986", "urn:uuid:" + new UUID(i, random.nextLong())));
        }
        int services = random.nextInt(4);
        List<String> serviceCodes = new ArrayList<>();
        for (int s = 0; s < services; s++) {
            serviceCodes.add(code(Canonical.CS_SERVICE, i + s));
        }
        referral.services(serviceCodes);
        int victims = 1 + random.nextInt(4);
        for (int v = 0; v < victims; v++) {
            referral.victim(victim(i + v, reported));
        }
        int perpetrators = random.nextInt(4);
        for (int p = 0; p < perpetrators; p++) {
            String name = "Pelaku Sintetis " + p;
            referral.perpetrator(new Perpetrator(
                    maybe(() -> name),
                    maybe(this::gender),
                    maybe(() -> 14 + random.nextInt(60)),
                    code(Canonical.CS_RELATIONSHIP, i + p)));
        }
        switch (random.nextInt(3)) {
            case 0 -> referral.destination(new Party("receiver-" + random.nextInt(5), "Tujuan Sintetis", region()));
            case 1 -> referral.destination(sender);
            default -> {}
        }
        return referral.build().withSensitivityLabels();
    }

    private Victim victim(int i, OffsetDateTime reported) {
        int year = 1950 + random.nextInt(65);
        PartialDateTime born = null;
        Integer age = null;
        switch (random.nextInt(4)) {
            case 0 -> born = PartialDateTime.of(Year.of(year));
            case 1 -> born = PartialDateTime.of(YearMonth.of(year, 1 + random.nextInt(12)));
            case 2 -> born = PartialDateTime.of(LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)));
            default -> age = maybe(() -> 1 + random.nextInt(90));
        }
        Region domicile = maybe(this::region);
        List<String> disabilities = new ArrayList<>();
        List<String> allDisabilities = codes(Canonical.CS_DISABILITY);
        int count = random.nextInt(3);
        for (int d = 0; d < count; d++) {
            disabilities.add(allDisabilities.get((i + d) % allDisabilities.size()));
        }
        Consent consent = maybe(() -> new Consent(
                random.nextBoolean(),
                code(Canonical.CS_LAWFUL_BASIS, i),
                maybe(() -> code(Canonical.CS_CONSENT_GIVER, i)),
                random.nextBoolean()
                        ? PartialDateTime.of(reported.toLocalDate())
                        : PartialDateTime.of(reported.minusHours(1))));
        return new Victim(
                maybe(() -> digits(16)),
                "Korban Sintetis " + i,
                gender(),
                born,
                age,
                maybe(() -> "+628" + digits(9)),
                maybe(() -> "Jl. Sintetis " + i),
                domicile,
                domicile != null && !domicile.isProvince() ? maybe(() -> domicile.kemendagriCompact() + "01") : null,
                maybe(() -> Citizenship.values()[random.nextInt(2)]),
                maybe(() -> code(Canonical.CS_EDUCATION, i)),
                disabilities,
                maybe(() -> "Pekerjaan sintetis"),
                false,
                consent,
                random.nextInt(4) == 0 ? incident(i + 1) : null);
    }

    private Incident incident(int i) {
        int forms = random.nextInt(4);
        List<String> all = codes(Canonical.CS_VIOLENCE_FORM);
        List<String> chosen = new ArrayList<>();
        for (int f = 0; f < forms; f++) {
            String form = all.get((i + f) % all.size());
            if (!chosen.contains(form)) {
                chosen.add(form);
            }
        }
        int year = 2015 + random.nextInt(5);
        PartialDateTime onset = switch (random.nextInt(5)) {
            case 0 -> PartialDateTime.of(Year.of(year));
            case 1 -> PartialDateTime.of(YearMonth.of(year, 1 + random.nextInt(12)));
            case 2 -> PartialDateTime.of(LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)));
            case 3 -> PartialDateTime.of(OffsetDateTime.of(year, 3, 4, 21, 30, 0, 0, ZoneOffset.ofHours(8)));
            default -> null;
        };
        return new Incident(chosen, onset, maybe(this::region), maybe(() -> code(Canonical.CS_INCIDENT_PLACE, i)));
    }

    private String code(String system, int i) {
        List<String> all = codes(system);
        return all.get(i % all.size());
    }

    private Region region() {
        return regions.get(random.nextInt(regions.size()));
    }

    private Gender gender() {
        return Gender.values()[random.nextInt(Gender.values().length)];
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
        while (digits.length() < count) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private <T> T maybe(Supplier<T> value) {
        return random.nextBoolean() ? value.get() : null;
    }
}
