package id.lintas.hub.agreement;

import ca.uhn.fhir.fhirpath.IFhirPath;
import id.lintas.contracts.region.RegionTable;
import id.lintas.hub.agreement.AgreementDocument.CaseClause;
import id.lintas.hub.agreement.AgreementDocument.FanOut;
import id.lintas.hub.agreement.AgreementDocument.ResponseTime;
import id.lintas.hub.agreement.AgreementDocument.Service;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;

/**
 * One agreement version, compiled once when it changes: its clauses as ready-made predicates, so a
 * routing decision only compares sets and dates. Immutable and thread-safe.
 */
public final class CompiledAgreement {

    private final AgreementDocument document;
    private final AgreementStatus status;
    private final LocalDate terminatedFrom;
    private final Map<String, String> partyRegions = new LinkedHashMap<>();
    private final Set<String> directions;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final List<ResponseTime> responseTimes;
    private final IFhirPath fhirPath;
    private final IFhirPath.IParsedExpression condition;
    private final Map<String, List<FanOut>> annexes = new LinkedHashMap<>();
    private final RegionTable regions = RegionTable.standard();

    /**
     * @param fhirPath the engine for the extra condition (HAPI's, R4)
     * @throws IllegalArgumentException when the condition is not valid FHIRPath
     */
    public CompiledAgreement(
            AgreementDocument document, AgreementStatus status, LocalDate terminatedFrom, IFhirPath fhirPath) {
        this.document = document;
        this.status = status;
        this.terminatedFrom = terminatedFrom;
        document.parties().forEach(p -> partyRegions.put(p.participant(), p.region()));
        this.directions = document.referrals().isEmpty()
                ? null
                : document.referrals().stream()
                        .map(d -> d.from() + ">" + d.to())
                        .collect(Collectors.toUnmodifiableSet());
        document.services().forEach(s -> services.put(s.code(), s));
        // Most specific first: urgency and service, then urgency or service, then the default.
        this.responseTimes = document.responseTimes().stream()
                .sorted(Comparator.comparingInt(r -> -((r.urgency() != null ? 1 : 0) + (r.service() != null ? 1 : 0))))
                .toList();
        this.fhirPath = fhirPath;
        if (document.condition() != null) {
            try {
                this.condition = fhirPath.parse(document.condition().fhirpath());
            } catch (Exception e) {
                throw new IllegalArgumentException("condition.fhirpath is not valid FHIRPath: " + e.getMessage(), e);
            }
        } else {
            this.condition = null;
        }
        document.annexes().forEach(a -> annexes.put(a.party(), a.fanOut()));
    }

    public AgreementDocument document() {
        return document;
    }

    public String id() {
        return document.id();
    }

    public int version() {
        return document.version();
    }

    public AgreementStatus status() {
        return status;
    }

    public Set<String> parties() {
        return partyRegions.keySet();
    }

    public boolean hasParties(String a, String b) {
        return partyRegions.containsKey(a) && partyRegions.containsKey(b);
    }

    /** The outcome of one agreement for one sender, receiver and case. */
    public sealed interface Outcome permits Covered, Failed {}

    /** Covered, fully or in part ({@code uncovered} lists what was not). */
    public record Covered(List<Grant> grants, List<Finding> uncovered) implements Outcome {}

    public record Failed(Finding finding) implements Outcome {}

    /**
     * Applies every clause in the order a person would check them: in force, direction, scope,
     * regions, consent, condition, services.
     *
     * @param draftPreview true to evaluate a draft as if it were signed (explain only)
     */
    public Outcome evaluate(String sender, String receiver, CaseProfile c, boolean draftPreview) {
        String notInForce = notInForce(c.date(), draftPreview);
        if (notInForce != null) {
            return fail(receiver, Clause.NOT_IN_FORCE, notInForce);
        }
        if (directions != null && !directions.contains(sender + ">" + receiver)) {
            return fail(
                    receiver,
                    Clause.DIRECTION,
                    "it does not let " + sender + " refer to " + receiver + " (only "
                            + String.join(
                                    ", ",
                                    document.referrals().stream()
                                            .map(d -> d.from() + " to " + d.to())
                                            .toList())
                            + ")");
        }
        if (document.scope().cases().stream().noneMatch(clause -> matches(clause, c))) {
            return fail(
                    receiver,
                    Clause.SCOPE,
                    "outside its scope: it covers " + scopeLabel() + "; this case is " + describe(c));
        }
        if (!linked(partyRegions.get(sender), partyRegions.get(receiver), c)) {
            return fail(
                    receiver,
                    Clause.REGIONS,
                    "the case does not link the regions of " + sender + " and " + receiver + " as it requires ("
                            + linksLabel() + ")");
        }
        String consent = consentRefusal(c);
        if (consent != null) {
            return fail(receiver, Clause.CONSENT, consent);
        }
        if (condition != null && !conditionHolds(c)) {
            return fail(
                    receiver,
                    Clause.CONDITION,
                    "its condition \"" + document.condition().description() + "\" does not hold");
        }
        List<String> covered = new ArrayList<>();
        List<Finding> uncovered = new ArrayList<>();
        for (String code : c.services()) {
            String why = serviceRefusal(code, receiver, c);
            if (why == null) {
                covered.add(code);
            } else {
                uncovered.add(new Finding(receiver, id(), version(), Clause.SERVICES, code + " " + why));
            }
        }
        if (covered.isEmpty() && !c.services().isEmpty()) {
            return fail(
                    receiver,
                    Clause.SERVICES,
                    "none of the requested services is covered: "
                            + uncovered.stream().map(Finding::reason).collect(Collectors.joining("; ")));
        }
        List<Grant> grants = new ArrayList<>();
        grants.add(grant(receiver, null, covered, c));
        for (FanOut fanOut : annexes.getOrDefault(receiver, List.of())) {
            grants.add(grant(fanOut.participant(), receiver, fanOut.services(), c));
        }
        return new Covered(grants, uncovered);
    }

    private Grant grant(String receiver, String via, List<String> serviceCodes, CaseProfile c) {
        EnumSet<DataCategory> data = EnumSet.noneOf(DataCategory.class);
        data.addAll(document.dataAlways());
        List<String> maybe = new ArrayList<>();
        for (String code : serviceCodes) {
            Service service = services.get(code);
            if (service != null) {
                data.addAll(service.data());
                if (service.subjectToAvailability()) {
                    maybe.add(code);
                }
            }
        }
        return new Grant(id(), version(), receiver, via, serviceCodes, maybe, data, respondWithin(c, serviceCodes));
    }

    private Duration respondWithin(CaseProfile c, List<String> serviceCodes) {
        for (ResponseTime rule : responseTimes) {
            boolean urgency = rule.urgency() == null || rule.urgency().equals(c.urgency());
            boolean service = rule.service() == null || serviceCodes.contains(rule.service());
            if (urgency && service) {
                return Duration.parse(rule.within());
            }
        }
        return null;
    }

    private String notInForce(LocalDate date, boolean draftPreview) {
        switch (status) {
            case DRAFT:
                if (!draftPreview) {
                    return "it is a draft that not every party has signed";
                }
                break;
            case SUPERSEDED:
                return "version " + version() + " was replaced by a later version";
            case SUSPENDED:
                return "it is suspended";
            case TERMINATED:
                if (terminatedFrom == null || !date.isBefore(terminatedFrom)) {
                    return "it was terminated with effect from " + terminatedFrom;
                }
                break;
            default:
                break;
        }
        if (date.isBefore(document.validFrom())) {
            return "it is in force only from " + document.validFrom() + " (the referral is dated " + date + ")";
        }
        if (date.isAfter(document.validUntil())) {
            return "it expired on " + document.validUntil() + " (the referral is dated " + date + ")";
        }
        return null;
    }

    private boolean matches(CaseClause clause, CaseProfile c) {
        if (!clause.violenceForms().isEmpty()
                && clause.violenceForms().stream().noneMatch(c.violenceForms()::contains)) {
            return false;
        }
        if (clause.victimGender().isEmpty() && clause.victimAge() == null) {
            return true;
        }
        return c.victims().stream().anyMatch(v -> victimMatches(clause, v));
    }

    private static boolean victimMatches(CaseClause clause, CaseProfile.Victim victim) {
        if (!clause.victimGender().isEmpty()
                && (victim.gender() == null || !clause.victimGender().contains(victim.gender()))) {
            return false;
        }
        if (clause.victimAge() != null) {
            if (victim.age() == null) {
                return false;
            }
            Integer min = clause.victimAge().min();
            Integer max = clause.victimAge().max();
            return (min == null || victim.age() >= min) && (max == null || victim.age() <= max);
        }
        return true;
    }

    private boolean linked(String senderRegion, String receiverRegion, CaseProfile c) {
        for (List<RegionRelation> link : document.scope().regionLinks()) {
            RegionRelation a = link.get(0);
            RegionRelation b = link.get(1);
            if ((touches(c, a, senderRegion) && touches(c, b, receiverRegion))
                    || (touches(c, b, senderRegion) && touches(c, a, receiverRegion))) {
                return true;
            }
        }
        return false;
    }

    private boolean touches(CaseProfile c, RegionRelation relation, String partyRegion) {
        return c.regions(relation).stream().anyMatch(region -> within(region, partyRegion));
    }

    /** A region is within a party's region when it is that region or lies in it (a regency in its province). */
    boolean within(String region, String partyRegion) {
        if (region.equals(partyRegion)) {
            return true;
        }
        return regions.byKemendagri(region)
                .map(r -> r.province().equals(partyRegion))
                .orElse(false);
    }

    private String consentRefusal(CaseProfile c) {
        for (int i = 0; i < c.victims().size(); i++) {
            CaseProfile.Victim victim = c.victims().get(i);
            CaseProfile.ConsentFact consent = victim.consent();
            boolean legalObligation = document.consent().legalObligationWhenParentPerpetrator()
                    && victim.child()
                    && c.parentPerpetrator();
            if (legalObligation) {
                continue;
            }
            String who = c.victims().size() == 1 ? "the victim" : "victim " + (i + 1);
            if (consent == null) {
                return who + " has no recorded consent to share, and no legal-obligation basis applies";
            }
            if (!consent.permit()) {
                return who
                        + " (or their guardian) refused sharing, and the agreement gives no legal-obligation basis for this case";
            }
            if ("KEWAJIBAN_HUKUM".equals(consent.basis())) {
                return who
                        + "'s referral claims a legal obligation, which the agreement accepts only for a child whose parent is the suspected perpetrator";
            }
            if (!document.consent().givers().contains(consent.giver())) {
                return who + "'s consent was given by " + consent.giver()
                        + ", whom the agreement does not accept (it accepts "
                        + String.join(", ", document.consent().givers()) + ")";
            }
        }
        return null;
    }

    private boolean conditionHolds(CaseProfile c) {
        return fhirPath.evaluateFirst(c.bundle(), condition, BooleanType.class)
                .map(BooleanType::booleanValue)
                .orElse(false);
    }

    private String serviceRefusal(String code, String receiver, CaseProfile c) {
        Service service = services.get(code);
        if (service == null) {
            return "is not among the agreement's services";
        }
        if (!service.providers().isEmpty() && !service.providers().contains(receiver)) {
            return "is not provided by " + receiver + " under the agreement";
        }
        if (!service.violenceForms().isEmpty()
                && service.violenceForms().stream().noneMatch(c.violenceForms()::contains)) {
            return "is covered only for " + String.join(", ", service.violenceForms()) + " cases";
        }
        return null;
    }

    private String scopeLabel() {
        return document.scope().cases().stream()
                .map(clause -> clause.label() != null ? clause.label() : clause.toString())
                .collect(Collectors.joining(", or "));
    }

    private String linksLabel() {
        return document.scope().regionLinks().stream()
                .map(l -> l.get(0).name().toLowerCase() + " in one, "
                        + l.get(1).name().toLowerCase() + " in the other")
                .collect(Collectors.joining("; or "));
    }

    private static String describe(CaseProfile c) {
        String forms = c.violenceForms().isEmpty()
                ? "no form of violence"
                : String.join(", ", c.violenceForms().stream().sorted().toList());
        String victims = c.victims().stream()
                .map(v -> (v.gender() == null ? "victim" : v.gender())
                        + (v.age() == null ? " of unknown age" : " aged " + v.age()))
                .collect(Collectors.joining(", "));
        return forms + " (" + victims + ")";
    }

    private Failed fail(String receiver, Clause clause, String reason) {
        return new Failed(new Finding(receiver, id(), version(), clause, reason));
    }
}
