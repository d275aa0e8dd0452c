package id.lintas.hub.agreement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of an agreement as registered and signed: the form of
 * {@code contracts/src/main/resources/agreement/agreement.schema.json}. Read only after the document
 * has passed that schema, so required parts are present.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record AgreementDocument(
        String id,
        int version,
        String title,
        List<String> numbers,
        String documentSha256,
        LocalDate signedOn,
        LocalDate validFrom,
        LocalDate validUntil,
        List<Party> parties,
        List<Direction> referrals,
        Scope scope,
        List<Service> services,
        List<DataCategory> dataAlways,
        ConsentRule consent,
        List<ResponseTime> responseTimes,
        Condition condition,
        List<Annex> annexes,
        List<String> notes) {

    public AgreementDocument {
        numbers = list(numbers);
        parties = list(parties);
        referrals = list(referrals);
        services = list(services);
        dataAlways = list(dataAlways);
        responseTimes = list(responseTimes);
        annexes = list(annexes);
        notes = list(notes);
    }

    public List<String> participantIds() {
        return parties.stream().map(Party::participant).toList();
    }

    public record Party(String participant, String region, String organisation) {}

    public record Direction(String from, String to) {}

    public record Scope(List<CaseClause> cases, List<List<RegionRelation>> regionLinks) {
        public Scope {
            cases = list(cases);
            regionLinks = list(regionLinks);
        }
    }

    public record CaseClause(List<String> violenceForms, List<String> victimGender, AgeRange victimAge, String label) {
        public CaseClause {
            violenceForms = list(violenceForms);
            victimGender = list(victimGender);
        }
    }

    public record AgeRange(Integer min, Integer max) {}

    public record Service(
            String code,
            List<String> providers,
            List<String> violenceForms,
            boolean subjectToAvailability,
            List<DataCategory> data) {
        public Service {
            providers = list(providers);
            violenceForms = list(violenceForms);
            data = list(data);
        }
    }

    public record ConsentRule(List<String> givers, boolean legalObligationWhenParentPerpetrator) {
        public ConsentRule {
            givers = list(givers);
        }
    }

    public record ResponseTime(String urgency, String service, String within) {}

    public record Condition(String fhirpath, String description) {}

    public record Annex(String party, String description, List<FanOut> fanOut) {
        public Annex {
            fanOut = list(fanOut);
        }
    }

    public record FanOut(String participant, List<String> services) {
        public FanOut {
            services = list(services);
        }
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
