package id.lintas.adapter.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** Canonical referrals rendered as the transaction Bundle Jakarta's FHIR server takes. */
class JakartaRenderReferralTest {

    private static final String JAKARTA_CS = "https://uptdppa.jakarta.go.id/fhir/CodeSystem/";

    /** Jakarta native -> canonical -> transaction for Jakarta. */
    private static Bundle roundTrip() throws Exception {
        Bundle canonical = JakartaSamples.referral().bundle();
        OutboundDocument document = JakartaSamples.ADAPTER.renderReferral(
                CanonicalReader.standard().outbound("ref-jkt-1", JakartaSamples.JAKARTA, canonical),
                JakartaSamples.JAKARTA);
        assertThat(document.target()).isEmpty();
        assertThat(document.mediaType()).isEqualTo("application/fhir+json");
        return JakartaSamples.parse(document.content());
    }

    private static Bundle canonicalFixture() throws IOException {
        Path fixture =
                Path.of("..", "..", "contracts", "src", "test", "resources", "canonical", "referral-ppu-tppo.json");
        return JakartaSamples.FHIR
                .newJsonParser()
                .parseResource(Bundle.class, Files.readString(fixture, StandardCharsets.UTF_8));
    }

    private static Bundle render(Bundle canonical, Participant sender) throws TranslationException {
        return JakartaSamples.parse(JakartaSamples.ADAPTER
                .renderReferral(
                        CanonicalReader.standard().outbound("ref-ppu-117", sender, canonical), JakartaSamples.JAKARTA)
                .content());
    }

    private static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
        return Bundles.all(bundle, type);
    }

    @Test
    void theRoundTripIsATransactionOfPostsWithUrnUuidFullUrls() throws Exception {
        Bundle transaction = roundTrip();

        assertThat(transaction.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
        assertThat(transaction.getEntry()).allSatisfy(entry -> {
            assertThat(entry.getFullUrl()).startsWith("urn:uuid:");
            assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
            assertThat(entry.getRequest().getUrl())
                    .isEqualTo(entry.getResource().fhirType());
        });
        assertThat(transaction.getEntry())
                .extracting(e -> e.getResource().fhirType())
                .contains("Task", "ServiceRequest", "Patient", "Condition", "RelatedPerson", "Consent", "Organization");
    }

    @Test
    void thePatientIsCreatedConditionallyOnHerNikAndTheTaskOnTheHubsId() throws Exception {
        Bundle transaction = roundTrip();

        Bundle.BundleEntryComponent patient = transaction.getEntry().stream()
                .filter(e -> e.getResource() instanceof Patient)
                .findFirst()
                .orElseThrow();
        assertThat(patient.getRequest().getIfNoneExist())
                .isEqualTo("identifier=https://fhir.kemkes.go.id/id/nik|6402064303960007");
        Bundle.BundleEntryComponent task = transaction.getEntry().stream()
                .filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Task)
                .findFirst()
                .orElseThrow();
        assertThat(task.getRequest().getIfNoneExist()).startsWith("identifier=urn:lintas:referral|");
        assertThat(transaction.getEntry().stream().filter(e -> e.getRequest().hasIfNoneExist()))
                .hasSize(2);
    }

    @Test
    void violenceServicesAndRelationshipsUseOnlyJakartasCodeSystems() throws Exception {
        Bundle transaction = roundTrip();

        Set<String> conditionSystems = all(transaction, Condition.class).stream()
                .flatMap(c -> c.getCode().getCoding().stream())
                .map(Coding::getSystem)
                .collect(Collectors.toSet());
        Set<String> serviceSystems = all(transaction, ServiceRequest.class).stream()
                .flatMap(r -> r.getCode().getCoding().stream())
                .map(Coding::getSystem)
                .collect(Collectors.toSet());
        Set<String> relationshipSystems = all(transaction, RelatedPerson.class).stream()
                .flatMap(p -> p.getRelationship().stream())
                .flatMap(r -> r.getCoding().stream())
                .map(Coding::getSystem)
                .collect(Collectors.toSet());
        assertThat(conditionSystems).containsExactly(JAKARTA_CS + "jenis-kekerasan");
        assertThat(serviceSystems).containsExactly(JAKARTA_CS + "layanan");
        assertThat(relationshipSystems).containsExactly(JAKARTA_CS + "hubungan");
        assertThat(all(transaction, Condition.class).get(0).getCode().getCoding())
                .extracting(Coding::getCode)
                .containsExactly("KF", "KP");
        assertThat(all(transaction, ServiceRequest.class).get(0).getCode().getCoding())
                .extracting(Coding::getCode)
                .containsExactly("RA", "PSI", "RIS");
        assertThat(all(transaction, RelatedPerson.class)
                        .get(0)
                        .getRelationshipFirstRep()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("MJK");
    }

    @Test
    void theRequiredFieldsAreKept() throws Exception {
        Bundle transaction = roundTrip();
        Task task = all(transaction, Task.class).get(0);

        assertThat(task.getIdentifier())
                .extracting(i -> i.getSystem() + "|" + i.getValue())
                .contains(
                        "urn:lintas:referral|ref-jkt-1",
                        "https://uptdppa.jakarta.go.id/fhir/id/kasus|JKT/UPTD/2025/1187");
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
        assertThat(task.getCode().getCodingFirstRep().getSystem()).isEqualTo(JAKARTA_CS + "jenis-rujukan");
        assertThat(task.getCode().getCodingFirstRep().getCode()).isEqualTo("rujukan");
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.URGENT);
        assertThat(task.getAuthoredOnElement().getValueAsString()).isEqualTo("2025-08-11T09:12:00+07:00");

        Patient patient = all(transaction, Patient.class).get(0);
        assertThat(patient.getNameFirstRep().getText()).isEqualTo("Nur Hasanah");
        assertThat(patient.getGender().toCode()).isEqualTo("female");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1996-03-03");

        Condition condition = all(transaction, Condition.class).get(0);
        assertThat(condition.getOnsetDateTimeType().getValueAsString()).isEqualTo("2025-08-02");
        assertThat(condition
                        .getExtensionByUrl("https://uptdppa.jakarta.go.id/fhir/StructureDefinition/lokasi-kejadian")
                        .getValue()
                        .primitiveValue())
                .isEqualTo("3173");
        assertThat(condition.getNoteFirstRep().getText()).startsWith("Korban bekerja");

        Consent consent = all(transaction, Consent.class).get(0);
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(consent.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
    }

    @Test
    void internalReferencesPointAtEntriesOfTheTransaction() throws Exception {
        Bundle transaction = roundTrip();
        Set<String> fullUrls = transaction.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getFullUrl)
                .collect(Collectors.toSet());
        Task task = all(transaction, Task.class).get(0);
        String patientUrl = transaction.getEntry().stream()
                .filter(e -> e.getResource() instanceof Patient)
                .findFirst()
                .orElseThrow()
                .getFullUrl();

        List<Reference> references = List.of(
                task.getFor(),
                task.getFocus(),
                task.getRequester(),
                all(transaction, Condition.class).get(0).getSubject(),
                all(transaction, Consent.class).get(0).getPatient(),
                all(transaction, Consent.class).get(0).getPerformerFirstRep(),
                all(transaction, RelatedPerson.class).get(0).getPatient());
        assertThat(references).allSatisfy(r -> assertThat(fullUrls).contains(r.getReference()));
        assertThat(task.getFor().getReference()).isEqualTo(patientUrl);
    }

    @Test
    void organizationsAreIdentifiedByRegionCodesWithoutDots() throws Exception {
        Bundle transaction = render(canonicalFixture(), JakartaSamples.PPU);

        List<String> regions = all(transaction, Organization.class).stream()
                .flatMap(o -> o.getIdentifier().stream())
                .filter(i -> "https://kemendagri.go.id/kode-wilayah".equals(i.getSystem()))
                .map(i -> i.getValue())
                .toList();
        assertThat(regions).containsExactlyInAnyOrder("6409", "6402");
    }

    @Test
    void theHubsCanonicalFixtureRendersWithJakartasCodes() throws Exception {
        Bundle transaction = render(canonicalFixture(), JakartaSamples.PPU);

        Task task = all(transaction, Task.class).get(0);
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.ASAP);
        assertThat(task.getIdentifier())
                .extracting(i -> i.getSystem() + "|" + i.getValue())
                .contains("urn:lintas:referral|ref-ppu-117", Canonical.sourceCaseSystem("ppu") + "|PPU/UPTD/2025/117");
        assertThat(all(transaction, ServiceRequest.class).get(0).getCode().getCoding())
                .extracting(Coding::getCode)
                .containsExactly("PSI", "HKM", "PLG");
        assertThat(all(transaction, Condition.class).get(0).getCode().getCoding())
                .extracting(Coding::getCode)
                .containsExactly("TPPO", "EKS");
        assertThat(transaction.getEntry())
                .noneMatch(e -> e.getResource().fhirType().equals("Practitioner"));
    }

    @Test
    void whatTheReceiverMayNotSeeIsSimplyAbsent() throws Exception {
        Bundle canonical = canonicalFixture();
        // The hub's reduction: no chronology, no perpetrator, no phone or street.
        Bundles.task(canonical).getNote().clear();
        canonical.getEntry().removeIf(e -> e.getResource() instanceof RelatedPerson);
        Bundles.all(canonical, Patient.class).forEach(p -> {
            p.getTelecom().clear();
            p.getAddress().forEach(a -> a.getLine().clear());
        });

        Bundle transaction = render(canonical, JakartaSamples.PPU);

        assertThat(all(transaction, RelatedPerson.class)).isEmpty();
        assertThat(all(transaction, Condition.class))
                .allSatisfy(c -> assertThat(c.hasNote()).isFalse());
        Patient patient = all(transaction, Patient.class).get(0);
        assertThat(patient.hasTelecom()).isFalse();
        assertThat(patient.getAddressFirstRep().hasLine()).isFalse();
        assertThat(patient.getAddressFirstRep().getExtension()).hasSize(1);
    }

    @Test
    void aVictimWithoutNikIsCreatedUnconditionally() throws Exception {
        Bundle canonical = canonicalFixture();
        Bundles.all(canonical, Patient.class).forEach(p -> p.getIdentifier().clear());

        Bundle transaction = render(canonical, JakartaSamples.PPU);

        assertThat(transaction.getEntry())
                .filteredOn(e -> e.getResource() instanceof Patient)
                .noneMatch(e -> e.getRequest().hasIfNoneExist());
        assertThat(all(transaction, Patient.class)).hasSize(1);
    }

    @Test
    void aHubServiceJakartaCannotExpressIsAFieldErrorNamingTheCode() throws Exception {
        Bundle canonical = canonicalFixture();
        Bundles.all(canonical, ServiceRequest.class)
                .get(1)
                .getCode()
                .getCodingFirstRep()
                .setCode("PENDAMPINGAN");

        TranslationException e =
                catchThrowableOfType(TranslationException.class, () -> render(canonical, JakartaSamples.PPU));

        assertThat(e).isNotNull();
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("ServiceRequest.code.coding[1]");
        assertThat(e.errors().get(0).reason()).contains("PENDAMPINGAN");
    }

    @Test
    void theRenderedTransactionReadsBackAsTheSameReferralWhenWrappedAsAMessage() throws Exception {
        // Jakarta's server keeps what it got; a message with the same resources reads to the same codes.
        Bundle transaction = roundTrip();
        Bundle message = new Bundle().setType(Bundle.BundleType.MESSAGE);
        org.hl7.fhir.r4.model.MessageHeader header = new org.hl7.fhir.r4.model.MessageHeader();
        header.setEvent(new Coding("https://uptdppa.jakarta.go.id/fhir/CodeSystem/event", "rujukan-baru", null));
        header.getSource().setEndpoint("https://uptdppa.jakarta.go.id/fhir");
        String taskUrl = transaction.getEntry().stream()
                .filter(e -> e.getResource() instanceof Task)
                .findFirst()
                .orElseThrow()
                .getFullUrl();
        header.addFocus(new Reference(taskUrl));
        message.addEntry()
                .setFullUrl("urn:uuid:00000000-0000-4000-8000-000000000001")
                .setResource(header);
        transaction
                .getEntry()
                .forEach(e -> message.addEntry().setFullUrl(e.getFullUrl()).setResource(e.getResource()));
        byte[] body = JakartaSamples.FHIR
                .newJsonParser()
                .encodeResourceToString(message)
                .getBytes(StandardCharsets.UTF_8);

        var again = (id.lintas.contracts.spi.CanonicalReferral)
                JakartaSamples.ADAPTER.readMessage(body, JakartaSamples.JAKARTA);

        assertThat(again.sourceReference()).isEqualTo("JKT/UPTD/2025/1187");
        assertThat(Bundles.all(again.bundle(), Condition.class))
                .extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("FISIK", "PSIKIS");
        assertThat(Bundles.all(again.bundle(), ServiceRequest.class)).hasSize(3);
    }
}
