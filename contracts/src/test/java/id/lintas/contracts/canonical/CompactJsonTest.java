package id.lintas.contracts.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.testing.GeneratedReferrals;
import java.math.BigDecimal;
import java.util.Date;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * {@link CompactJson} writes what HAPI's JSON parser writes, byte for byte, and answers null (so the
 * caller asks HAPI) wherever HAPI's parser would write a resource otherwise than it stands.
 */
class CompactJsonTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private final CompactJson compact = new CompactJson(FHIR);

    private static String hapi(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    @Test
    void everyGeneratedCanonicalBundleIsWrittenAsHapiWritesIt() {
        GeneratedReferrals generated = new GeneratedReferrals(20261202L);
        for (int i = 0; i < 400; i++) {
            Referral referral = generated.next();
            Bundle bundle = CanonicalWriter.standard().write(referral);
            assertThat(compact.write(bundle)).as("referral %d", i).isEqualTo(hapi(bundle));
            CanonicalWriter.standard()
                    .assignDestination(bundle, new Party("receiver-" + i, "Penerima Sintetis " + i, null));
            assertThat(compact.write(bundle)).as("referral %d, routed", i).isEqualTo(hapi(bundle));
        }
    }

    @Test
    void numbersBooleansIdsAndNestedExtensionsAreWrittenAsHapiWritesThem() {
        Observation observation = new Observation();
        observation.setId("obs-1");
        observation.getMeta().setVersionId("3").addProfile("https://example.org/profile");
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setValue(
                new Quantity().setValueElement(new DecimalType("1.50")).setUnit("kg"));
        observation.addComponent().setValue(new BooleanType(false));
        observation.addComponent().setValue(new IntegerType(42));
        observation.addComponent().setValue(new StringType("teks \"dengan\" kutip\n dan ñ"));
        observation.setIssued(new Date(1_700_000_000_000L));
        Extension parent = observation.addExtension().setUrl("https://example.org/parent");
        parent.addExtension("https://example.org/child", new Coding("https://example.org/cs", "A", "Satu"));
        parent.addExtension().setUrl("https://example.org/empty-child");
        observation.addExtension().setUrl("https://example.org/empty-top");
        observation.addModifierExtension(new Extension("https://example.org/modifier", new BooleanType(true)));
        org.hl7.fhir.r4.model.Identifier identifier =
                observation.addIdentifier().setValue("X");
        identifier.setId("element-id");
        observation.setSubject(new Reference("urn:uuid:0b5a4c36-9d2f-4f0e-8e3e-7a1c2b3d4e5f"));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl("urn:uuid:1").setResource(observation);
        bundle.addEntry().setResource(new Patient().setActive(true));

        String written = compact.write(bundle);

        assertThat(written).isNotNull().isEqualTo(hapi(bundle));
        assertThat(written).contains("\"value\":1.50").contains("\"id\":\"obs-1\"");
    }

    @Test
    void whatHapiWritesItsOwnWayIsLeftToHapi() {
        Patient narrated = new Patient();
        narrated.getText()
                .setStatus(Narrative.NarrativeStatus.GENERATED)
                .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">Sintetis</div>");
        Patient primitiveExtension = new Patient();
        primitiveExtension.getBirthDateElement().setValueAsString("2010-01-01");
        primitiveExtension.getBirthDateElement().addExtension("https://example.org/precision", new StringType("day"));
        Patient versionedReference = new Patient();
        versionedReference.addGeneralPractitioner(new Reference("Practitioner/1/_history/2"));
        Patient resourceReference = new Patient();
        resourceReference.addGeneralPractitioner(new Reference(new Patient()));
        Task contained = new Task();
        contained.addContained(new Patient().setActive(true));
        Patient versionedId = new Patient();
        versionedId.setId("Patient/1/_history/4");
        versionedId.getMeta().addProfile("https://example.org/profile");

        for (var resource : java.util.List.of(
                narrated, primitiveExtension, versionedReference, resourceReference, contained, versionedId)) {
            assertThat(compact.write(resource)).as(resource.toString()).isNull();
            assertThat(compact.encode(resource)).isEqualTo(hapi(resource));
        }
    }

    @Test
    void aDecimalKeepsItsOwnText() {
        Observation observation = new Observation();
        observation.setValue(new Quantity().setValue(new BigDecimal("0.0100")));
        assertThat(compact.write(observation)).isEqualTo(hapi(observation)).contains("0.0100");
    }

    @Test
    void emptyElementsAndItemsAreLeftOutAndEmptyResourcesWrittenAsHapiDoes() {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept());
        observation.addComponent();
        observation.addComponent().setValue(new StringType("dua"));
        observation.addComponent().setCode(new CodeableConcept().addCoding(new Coding()));
        observation.addComponent().setValue(new IntegerType(3));
        observation.addIdentifier();
        observation.addIdentifier();
        observation.addNote(new Annotation().setText(""));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl("urn:uuid:1").setResource(observation);
        bundle.addEntry().setFullUrl("urn:uuid:2").setResource(new Patient());
        bundle.addEntry();
        bundle.addEntry().setResource(new Patient().setActive(false));

        String written = compact.write(bundle);

        assertThat(written).isNotNull().isEqualTo(hapi(bundle));
        assertThat(written)
                .doesNotContain("\"code\"")
                .doesNotContain("identifier")
                .doesNotContain("note")
                .doesNotContain("{}")
                .contains("{\"resourceType\":\"Patient\"}");
    }

    @Test
    void anElementHoldingOnlyAnExtensionWithoutValueIsWrittenAsHapiWritesIt() {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().addExtension().setUrl("https://example.org/url-only");

        assertThat(compact.write(observation)).isNotNull().isEqualTo(hapi(observation));
    }
}
