package id.lintas.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import java.io.IOException;
import java.io.InputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * The profiles mean something: a canonical referral (synthetic, as the PPU adapter produced it)
 * passes, and each kind of breakage is reported with the element it concerns.
 */
class CanonicalValidatorTest {

    private static final CanonicalValidator VALIDATOR = new CanonicalValidator();
    private static final FhirContext FHIR = VALIDATOR.fhirContext();

    @Test
    void canonicalReferralIsValid() {
        ValidationReport report = VALIDATOR.validate(referral());

        assertThat(report.errors()).isEmpty();
        assertThat(report.isValid()).isTrue();
    }

    @Test
    void referralWithoutTheSendersCaseNumberIsRefused() {
        Bundle bundle = referral();
        Bundles.task(bundle).getIdentifier().clear();

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Task");
            assertThat(issue.message()).contains("Task.identifier");
        });
    }

    @Test
    void unknownFormOfViolenceIsRefused() {
        Bundle bundle = referral();
        Bundles.all(bundle, Condition.class).get(0).getCode().getCodingFirstRep().setCode("TIDAK_ADA");

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Condition").contains("code");
            assertThat(issue.message()).contains("TIDAK_ADA");
        });
    }

    @Test
    void unknownRegionCodeIsRefused() {
        Bundle bundle = referral();
        ((Coding) Bundles.task(bundle).getExtensionByUrl(Canonical.EXT_REPORTING_REGION).getValue()).setCode("99.99");

        assertThat(errorsOf(bundle)).anySatisfy(issue -> assertThat(issue.message()).contains("99.99"));
    }

    @Test
    void referralWithoutReportingRegionIsRefused() {
        Bundle bundle = referral();
        Bundles.task(bundle).getExtension().removeIf(e -> Canonical.EXT_REPORTING_REGION.equals(e.getUrl()));

        assertThat(errorsOf(bundle)).anySatisfy(issue -> assertThat(issue.message()).contains("reporting"));
    }

    @Test
    void extensionTheProfilesDoNotDefineIsRefused() {
        Bundle bundle = referral();
        Bundles.first(bundle, Patient.class).orElseThrow()
                .addExtension("https://example.org/StructureDefinition/religion", new StringType("x"));

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Patient");
            assertThat(issue.message()).contains("https://example.org/StructureDefinition/religion");
        });
    }

    @Test
    void extensionValueOfTheWrongTypeIsRefused() {
        Bundle bundle = referral();
        Bundles.task(bundle).getExtensionByUrl(Canonical.EXT_REVISION).setValue(new CodeType("two"));

        assertThat(errorsOf(bundle)).anySatisfy(issue -> assertThat(issue.location()).contains("Task"));
    }

    @Test
    void taskMustNameItsVictim() {
        Bundle bundle = referral();
        Task task = Bundles.task(bundle);
        task.setFor(null);

        assertThat(errorsOf(bundle)).anySatisfy(issue -> assertThat(issue.message()).contains("Task.for"));
    }

    private static java.util.List<ValidationReport.Issue> errorsOf(Bundle bundle) {
        ValidationReport report = VALIDATOR.validate(bundle);
        assertThat(report.isValid()).isFalse();
        return report.errors();
    }

    private static Bundle referral() {
        try (InputStream in = CanonicalValidatorTest.class.getResourceAsStream("/canonical/referral-ppu-tppo.json")) {
            return FHIR.newJsonParser().parseResource(Bundle.class, in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
