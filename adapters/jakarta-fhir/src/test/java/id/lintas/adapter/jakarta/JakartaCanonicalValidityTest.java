package id.lintas.adapter.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.validation.CanonicalValidator;
import id.lintas.contracts.validation.ReferralCheck;
import id.lintas.contracts.validation.ValidationReport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Jakarta's valid referral translates to a Bundle HAPI's validator accepts (base R4 and the Lintas profiles) with zero errors. */
class JakartaCanonicalValidityTest {

    private static final CanonicalValidator VALIDATOR = new CanonicalValidator();

    /** What the hub checks instead of full validation (ADR 0011): it must accept every valid case too. */
    private static final ReferralCheck CHEAP = new ReferralCheck();

    @Test
    void theReferralSampleTranslatesToAValidCanonicalReferral() throws Exception {
        CanonicalReferral referral = JakartaSamples.referral();

        assertValid(referral);
        assertThat(referral.bundle().getEntry()).hasSizeGreaterThan(8);
    }

    @Test
    void aSexualViolenceCaseWithAGuardiansConsentIsValidToo() throws Exception {
        String json = JakartaSamples.text(JakartaSamples.REFERRAL)
                .replace("\"code\": \"KP\"", "\"code\": \"KS\"")
                .replace(
                        "\"performer\": [\n          {\n            \"reference\": \"urn:uuid:0b6f6c1a-6a7e-4d0e-9c3b-2a1f0e9d8c04\"",
                        "\"performer\": [\n          {\n            \"reference\": \"urn:uuid:0b6f6c1a-6a7e-4d0e-9c3b-2a1f0e9d8c0a\"")
                .replace(
                        "\n  ]\n}",
                        ",\n    {\"fullUrl\": \"urn:uuid:0b6f6c1a-6a7e-4d0e-9c3b-2a1f0e9d8c0a\", \"resource\": {"
                                + "\"resourceType\": \"RelatedPerson\", \"patient\": {\"reference\": \"urn:uuid:0b6f6c1a-6a7e-4d0e-9c3b-2a1f0e9d8c04\"},"
                                + "\"relationship\": [{\"coding\": [{\"system\": \"https://uptdppa.jakarta.go.id/fhir/CodeSystem/hubungan\", \"code\": \"OT\"}]}]}}\n  ]\n}");
        CanonicalReferral referral = (CanonicalReferral) JakartaSamples.readText(json);

        assertValid(referral);
        assertThat(referral.bundle().getEntry().stream()
                        .filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Patient)
                        .map(e -> (org.hl7.fhir.r4.model.Patient) e.getResource())
                        .findFirst()
                        .orElseThrow()
                        .getMeta()
                        .getSecurityFirstRep()
                        .getCode())
                .isEqualTo("SDV");
        assertThat(referral.bundle().getEntry().stream()
                        .filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.RelatedPerson)
                        .count())
                .isEqualTo(2);
    }

    private static void assertValid(CanonicalReferral referral) {
        ValidationReport report = VALIDATOR.validate(referral);
        assertThat(report.errors())
                .as(
                        "validation errors:%n%s",
                        report.errors().stream().map(Object::toString).collect(Collectors.joining("\n")))
                .isEmpty();
        assertThat(CHEAP.check(referral.model()).errors()).as("cheap check").isEmpty();
    }
}
