package id.lintas.contracts.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.terminology.Terminology.FhirResources;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Checks a canonical Bundle against base FHIR R4 and the Lintas profiles, CodeSystems and
 * ValueSets shipped in {@code fhir/}: HAPI's full validation, tens of milliseconds a Bundle. A
 * referral an adapter wrote with {@code CanonicalWriter} needs only {@link ReferralCheck} (ADR 0011);
 * this one is for Bundles from elsewhere, tests and the hub's sampled safety net. Building one is
 * expensive (seconds: it loads the R4 core definitions and generates snapshots); share a single
 * instance, it is thread-safe, and its StructureDefinition lookups take no global lock.
 */
public final class CanonicalValidator {

    private final FhirContext fhir;
    private final FhirValidator validator;
    private final List<StructureDefinition> profiles = new ArrayList<>();
    private final Plausibility plausibility = new Plausibility(java.time.Clock.systemUTC());

    public CanonicalValidator() {
        this(FhirContext.forR4Cached());
    }

    public CanonicalValidator(FhirContext fhir) {
        this(fhir, true);
    }

    /**
     * For benchmarks: a validator whose StructureDefinition lookups go straight to HAPI's chain and its
     * one lock, as before ADR 0011.
     */
    public static CanonicalValidator withChainLookups() {
        return new CanonicalValidator(FhirContext.forR4Cached(), false);
    }

    private CanonicalValidator(FhirContext fhir, boolean lockFreeLookups) {
        this.fhir = fhir;
        PrePopulatedValidationSupport lintas = new PrePopulatedValidationSupport(fhir);
        IParser parser = fhir.newJsonParser();
        for (String path : FhirResources.index()) {
            IBaseResource resource = parser.parseResource(FhirResources.open(path));
            if (resource instanceof StructureDefinition definition) {
                lintas.addStructureDefinition(definition);
                if (definition.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE) {
                    profiles.add(definition);
                }
            } else if (resource instanceof CodeSystem codeSystem) {
                lintas.addCodeSystem(withRegions(codeSystem));
            } else if (resource instanceof ValueSet valueSet) {
                lintas.addValueSet(valueSet);
            }
        }
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                lintas,
                new SnapshotGeneratingValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir));
        FhirInstanceValidator instanceValidator =
                new FhirInstanceValidator(lockFreeLookups ? new ConcurrentStructureDefinitions(fhir, chain) : chain);
        // Extensions outside our profiles are an error: a region cannot smuggle fields past them.
        instanceValidator.setAnyExtensionsAllowed(false);
        // No terminology server is reachable from a region's office; codes are checked locally.
        instanceValidator.setNoTerminologyChecks(false);
        this.validator = fhir.newValidator().registerValidatorModule(instanceValidator);
    }

    /**
     * The Kemendagri region CodeSystem ships without concepts: its rows live once, in
     * {@code regions/regions.csv}. The validator needs them enumerated, so they are filled in here.
     */
    private static CodeSystem withRegions(CodeSystem codeSystem) {
        if (!Canonical.CS_REGION.equals(codeSystem.getUrl())) {
            return codeSystem;
        }
        CodeSystem complete = codeSystem.copy();
        complete.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        complete.getConcept().clear();
        for (Region region : RegionTable.standard().all()) {
            complete.addConcept().setCode(region.kemendagri()).setDisplay(region.name());
        }
        return complete;
    }

    /**
     * Does now what the first validation would otherwise do (snapshots of every profile, loading
     * the core terminology: several seconds), so that cost falls on start-up, not on a region's
     * first referral.
     */
    public void warmUp() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (StructureDefinition profile : profiles) {
            Resource resource =
                    (Resource) fhir.getResourceDefinition(profile.getType()).newInstance();
            resource.getMeta().addProfile(profile.getUrl());
            bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(resource);
        }
        validate(bundle);
    }

    public FhirContext fhirContext() {
        return fhir;
    }

    /**
     * Checks an adapter's referral in full: its Bundle against FHIR R4 and the hub's profiles, its
     * typed model against {@link Plausibility} (dates and ages no case can have), whose findings name
     * a {@code CanonicalField} for the sender's adapter to put in its own words.
     */
    public ValidationReport validate(CanonicalReferral referral) {
        ValidationReport report = validate(referral.bundle());
        List<ValidationReport.Issue> errors = new ArrayList<>(report.errors());
        errors.addAll(plausibility.check(referral.model()));
        return new ValidationReport(errors, report.warnings());
    }

    /** Checks a resource against FHIR R4 and the hub's profiles. */
    public ValidationReport validate(IBaseResource resource) {
        ValidationResult result = validator.validateWithResult(resource);
        List<ValidationReport.Issue> errors = new ArrayList<>();
        List<ValidationReport.Issue> warnings = new ArrayList<>();
        for (SingleValidationMessage message : result.getMessages()) {
            ValidationReport.Issue issue =
                    new ValidationReport.Issue(message.getLocationString(), message.getMessage());
            ResultSeverityEnum severity = message.getSeverity();
            if (severity == ResultSeverityEnum.ERROR || severity == ResultSeverityEnum.FATAL) {
                errors.add(issue);
            } else if (severity == ResultSeverityEnum.WARNING) {
                warnings.add(issue);
            }
        }
        return new ValidationReport(errors, warnings);
    }
}
