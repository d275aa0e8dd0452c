package id.lintas.contracts.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.canonical.CanonicalLayout;
import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.ExternalIdentifier;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.Officer;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.model.Perpetrator;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.terminology.Terminology;
import id.lintas.contracts.terminology.Terminology.FhirResources;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Validity by construction: what a typed {@link Referral} must hold so that the Bundle
 * {@link id.lintas.contracts.canonical.CanonicalWriter} writes from it is valid against FHIR R4 and
 * the Lintas profiles, checked in microseconds instead of HAPI's tens of milliseconds. The writer
 * guarantees the shape (profiles, fixed codes, references, extensions in their context); the types
 * guarantee genders, citizenship, kinds, urgencies, dates and regions. What remains is checked here:
 * the elements the profiles require, codes in the profiles' required ValueSets (in-memory sets built
 * once from the shipped ValueSets and CodeSystems), FHIR's rules for codes and URIs, the profiles'
 * patterns (NIK, phone), and {@link Plausibility}. {@code ReferralCheckAgreementTest} proves that it
 * refuses what HAPI's full validation refuses, over the regions' samples and generated referrals.
 *
 * <p>Findings name the element of the canonical Bundle (a FHIRPath) as the validator does, with a
 * reason that names the rule, never the value. Immutable and thread-safe; build one and share it.
 */
public final class ReferralCheck {

    private static final Pattern NIK = Pattern.compile("[0-9]{16}");
    private static final Pattern PHONE = Pattern.compile("[+][1-9][0-9]{6,14}");
    /** FHIR's code: no leading, trailing or double white space. */
    private static final Pattern CODE = Pattern.compile("[^\\s]+( [^\\s]+)*");
    /** FHIR's uri. */
    private static final Pattern URI = Pattern.compile("\\S+");

    private final Map<String, Set<String>> valueSetCodes;
    private final RegionTable regions;
    private final Plausibility plausibility;

    /** The check against the ValueSets shipped with the product, dates as of the system clock. */
    public ReferralCheck() {
        this(Clock.systemUTC());
    }

    public ReferralCheck(Clock clock) {
        this.valueSetCodes = loadValueSets(Terminology.standard());
        this.regions = RegionTable.standard();
        this.plausibility = new Plausibility(clock);
    }

    /** The codes of each shipped ValueSet, keyed by the CodeSystem it includes (each includes one whole). */
    private static Map<String, Set<String>> loadValueSets(Terminology terminology) {
        Map<String, CodeSystem> systems = new HashMap<>();
        terminology.codeSystems().forEach(cs -> systems.put(cs.getUrl(), cs));
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        Map<String, Set<String>> codes = new HashMap<>();
        for (String path : FhirResources.index()) {
            if (!path.startsWith("ValueSet/")) {
                continue;
            }
            ValueSet valueSet = parser.parseResource(ValueSet.class, FhirResources.open(path));
            for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
                CodeSystem system = systems.get(include.getSystem());
                if (system == null || include.hasConcept() || include.hasFilter()) {
                    // Only whole-CodeSystem ValueSets are in-memory sets; anything else would need HAPI.
                    throw new IllegalStateException("ValueSet " + valueSet.getUrl() + " is not a whole CodeSystem");
                }
                Set<String> set = codes.computeIfAbsent(include.getSystem(), s -> new HashSet<>());
                system.getConcept().forEach(c -> set.add(c.getCode()));
            }
        }
        codes.replaceAll((system, set) -> Set.copyOf(set));
        return Map.copyOf(codes);
    }

    /** Checks a referral an adapter built; valid when the Bundle the writer writes from it would be. */
    public ValidationReport check(Referral referral) {
        Findings findings = new Findings(CanonicalLayout.of(referral));
        task(referral, findings);
        for (int v = 0; v < referral.victims().size(); v++) {
            victim(referral, v, findings);
        }
        for (int p = 0; p < referral.perpetrators().size(); p++) {
            perpetrator(referral.perpetrators().get(p), p, findings);
        }
        findings.issues.addAll(plausibility.check(referral));
        return new ValidationReport(findings.issues, List.of());
    }

    private void task(Referral referral, Findings f) {
        CanonicalLayout at = f.layout;
        if (referral.sender() == null || empty(referral.sourceCaseNumber())) {
            f.add(at.task("identifier"), "the sender's case number is required");
        }
        if (referral.revision() < 1) {
            f.add(at.task("extension:revision"), "the revision must be a positive integer");
        }
        if (referral.kind() == null) {
            f.add(at.task("code"), "the kind of referral is required");
        }
        if (referral.urgency() == null) {
            f.add(at.task("priority"), "the urgency is required");
        }
        if (referral.authoredOn() == null) {
            f.add(at.task("authoredOn"), "the report date is required");
        }
        if (referral.intakeChannel() != null) {
            code(f, at.task("extension:intakeChannel"), Canonical.CS_INTAKE_CHANNEL, referral.intakeChannel());
        }
        if (referral.reportingRegion() == null) {
            f.add(at.task("extension:reportingRegion"), "the reporting region is required");
        } else {
            region(f, at.task("extension:reportingRegion"), referral.reportingRegion());
        }
        if (referral.requestedDestination() != null) {
            region(f, at.task("extension:requestedDestination"), referral.requestedDestination());
        }
        for (ExternalIdentifier id : referral.identifiers()) {
            if (!URI.matcher(id.system()).matches()) {
                f.add(at.task("identifier.system"), "an identifier's system is not a URI");
            }
            if (id.value().isEmpty()) {
                f.add(at.task("identifier.value"), "an identifier's value is required");
            }
        }
        if (referral.victims().isEmpty()) {
            f.add(at.task("for"), "a referral names at least one victim");
        }
        for (int s = 0; s < referral.services().size(); s++) {
            code(
                    f,
                    at.serviceRequest(s, "code"),
                    Canonical.CS_SERVICE,
                    referral.services().get(s));
        }
        if (referral.sender() == null) {
            f.add(at.task("requester"), "the sender is required");
        } else {
            party(f, referral.sender(), at.sender("identifier.value"));
        }
        if (referral.destination() != null) {
            party(f, referral.destination(), at.task("owner"));
        }
        // The Bundle holds an incident in the Conditions of the victims it happened to, once checked.
        Set<Incident> checked = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int v = 0; v < referral.victims().size(); v++) {
            Incident incident = referral.victims().get(v).incidentIn(referral);
            List<String> conditions = at.conditions(v, "code");
            if (incident != null && !conditions.isEmpty() && checked.add(incident)) {
                incident(f, incident, conditions.get(0));
            }
        }
        Officer officer = referral.officer();
        if (officer != null && officer.nip() == null && officer.name() == null && officer.phone() == null) {
            // The writer would write an empty Practitioner, which a Bundle entry cannot be.
            f.add(at.officer("identifier"), "an officer needs a NIP, a name or a phone number");
        }
    }

    private void victim(Referral referral, int v, Findings f) {
        CanonicalLayout at = f.layout;
        Victim victim = referral.victims().get(v);
        if (victim.name() == null) {
            f.add(at.victim(v, "name"), "a victim's name is required");
        }
        if (victim.gender() == null) {
            f.add(at.victim(v, "gender"), "a victim's gender is required");
        }
        if (victim.nik() != null && !NIK.matcher(victim.nik()).matches()) {
            f.add(at.victim(v, "identifier.value"), "a NIK is 16 digits");
        }
        if (victim.phone() != null && !PHONE.matcher(victim.phone()).matches()) {
            f.add(at.victim(v, "telecom.value"), "a phone number is in E.164 (+ and 7 to 15 digits)");
        }
        if (victim.age() != null && victim.age() == 0) {
            f.add(at.victimAge(v), "an age (FHIR's Age) must be positive");
        }
        if (victim.domicile() != null) {
            region(f, at.victim(v, "address.extension:administrativeCode"), victim.domicile());
        }
        if (victim.domicileDistrict() != null
                && !CODE.matcher(victim.domicileDistrict()).matches()) {
            f.add(at.victim(v, "address.extension:administrativeCode"), "the district is not a code");
        }
        if (victim.education() != null) {
            code(f, at.victim(v, "extension:education.value"), Canonical.CS_EDUCATION, victim.education());
        }
        for (String disability : victim.disabilities()) {
            code(f, at.victim(v, "extension:disability.value"), Canonical.CS_DISABILITY, disability);
        }
        Consent consent = victim.consent();
        if (consent != null) {
            if (consent.date() == null) {
                f.add(at.consent(v, "dateTime"), "the date of the consent is required");
            }
            if (consent.basis() == null) {
                f.add(at.consent(v, "policyRule"), "the lawful basis is required");
            } else {
                code(f, at.consent(v, "policyRule"), Canonical.CS_LAWFUL_BASIS, consent.basis());
            }
            if (!consent.byVictim()) {
                code(f, at.consentGiver(v, "relationship"), Canonical.CS_CONSENT_GIVER, consent.giver());
            }
        }
    }

    private void perpetrator(Perpetrator perpetrator, int p, Findings f) {
        CanonicalLayout at = f.layout;
        if (perpetrator.relationship() == null) {
            f.add(at.perpetrator(p, "relationship"), "a perpetrator's relationship is required");
        } else {
            code(f, at.perpetrator(p, "relationship"), Canonical.CS_RELATIONSHIP, perpetrator.relationship());
        }
        if (perpetrator.age() != null && perpetrator.age() <= 0) {
            f.add(at.perpetratorAge(p), "an age (FHIR's Age) must be positive");
        }
    }

    private void incident(Findings f, Incident incident, String path) {
        for (String form : incident.forms()) {
            code(f, path, Canonical.CS_VIOLENCE_FORM, form);
        }
        if (incident.place() != null) {
            code(f, path, Canonical.CS_INCIDENT_PLACE, incident.place());
        }
        if (incident.region() != null) {
            region(f, path, incident.region());
        }
    }

    private void party(Findings f, Party party, String path) {
        if (party.region() != null) {
            region(f, path, party.region());
        }
    }

    private void code(Findings f, String path, String system, String code) {
        Set<String> codes = valueSetCodes.get(system);
        if (code == null || codes == null || !codes.contains(code)) {
            f.add(path, "the code is not in the ValueSet of " + system);
        }
    }

    private void region(Findings f, String path, Region region) {
        if (!regions.byKemendagri(region.kemendagri()).map(region::equals).orElse(false)) {
            f.add(path, "the region is not in the Kemendagri table");
        }
    }

    private static boolean empty(String value) {
        return value == null || value.isEmpty();
    }

    /** The findings of one check, with the layout that names their elements. */
    private static final class Findings {
        private final CanonicalLayout layout;
        private final List<ValidationReport.Issue> issues = new ArrayList<>();

        Findings(CanonicalLayout layout) {
            this.layout = layout;
        }

        void add(String path, String reason) {
            issues.add(new ValidationReport.Issue(path, reason));
        }
    }
}
