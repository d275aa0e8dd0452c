package id.lintas.adapter.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.spi.CanonicalReferral;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jakarta's new-referral message, field by field, as the canonical model holds it. */
class JakartaReferralReaderTest {

    private static CanonicalReferral referral;
    private static Bundle bundle;
    private static Task task;

    @BeforeAll
    static void read() throws Exception {
        referral = JakartaSamples.referral();
        bundle = referral.bundle();
        task = Bundles.task(bundle);
    }

    @Test
    void theSourceReferenceIsJakartasCaseNumber() {
        assertThat(referral.sourceReference()).isEqualTo("JKT/UPTD/2025/1187");
        assertThat(referral.revision()).isEqualTo(1);
        assertThat(task.getIdentifierFirstRep().getSystem()).isEqualTo(Canonical.sourceCaseSystem("jakarta"));
        assertThat(task.getIdentifierFirstRep().getValue()).isEqualTo("JKT/UPTD/2025/1187");
    }

    @Test
    void theReportTimeKeepsJakartasInstantAndOffset() {
        assertThat(task.getAuthoredOnElement().getValueAsString()).isEqualTo("2025-08-11T09:12:00+07:00");
        assertThat(task.getAuthoredOn().toInstant()).isEqualTo(Instant.parse("2025-08-11T02:12:00Z"));
    }

    @Test
    void kindAndPriorityAreTranslatedToTheHubsCodes() {
        assertThat(task.getCode().getCodingFirstRep().getSystem()).isEqualTo(Canonical.CS_REFERRAL_KIND);
        assertThat(task.getCode().getCodingFirstRep().getCode()).isEqualTo("RUJUKAN");
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.URGENT);
        Coding urgency = (Coding) task.getExtensionByUrl(Canonical.EXT_URGENCY).getValue();
        assertThat(urgency.getCode()).isEqualTo("SEDANG");
    }

    @Test
    void regionsAreDottedKemendagriCodes() {
        assertThat(((Coding) task.getExtensionByUrl(Canonical.EXT_REPORTING_REGION)
                                .getValue())
                        .getCode())
                .isEqualTo("31");
        assertThat(((Coding) task.getExtensionByUrl(Canonical.EXT_REQUESTED_DESTINATION)
                                .getValue())
                        .getCode())
                .isEqualTo("64.02");
        assertThat(Bundles.all(bundle, Condition.class))
                .allSatisfy(c -> assertThat(((Coding) c.getExtensionByUrl(Canonical.EXT_INCIDENT_REGION)
                                        .getValue())
                                .getCode())
                        .isEqualTo("31.73"));
    }

    @Test
    void everyServiceIsOneServiceRequestWithTheHubsCode() {
        List<String> services = Bundles.all(bundle, ServiceRequest.class).stream()
                .map(r -> r.getCode().getCodingFirstRep())
                .peek(c -> assertThat(c.getSystem()).isEqualTo(Canonical.CS_SERVICE))
                .map(Coding::getCode)
                .toList();
        assertThat(services).containsExactly("RUMAH_AMAN", "PSIKOLOGIS", "REINTEGRASI_SOSIAL");
        assertThat(task.getBasedOn()).hasSize(3);
    }

    @Test
    void everyFormOfViolenceIsOneConditionWithTheIncidentDate() {
        List<Condition> conditions = Bundles.all(bundle, Condition.class);
        assertThat(conditions)
                .extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("FISIK", "PSIKIS");
        assertThat(conditions).allSatisfy(c -> {
            assertThat(c.getOnsetDateTimeType().getValueAsString()).isEqualTo("2025-08-02");
            assertThat(c.getSubject().getReference()).isEqualTo(task.getFor().getReference());
        });
    }

    @Test
    void theChronologyIsTheTasksNote() {
        assertThat(task.getNoteFirstRep().getText()).startsWith("Korban bekerja sebagai asisten rumah tangga");
        assertThat(task.getReasonCode().getText()).isEqualTo("Korban ingin pulang ke keluarga di Tenggarong");
    }

    @Test
    void theVictimKeepsNikNameGenderBirthDatePhoneAndDomicile() {
        Patient victim = Bundles.resolve(bundle, task.getFor(), Patient.class).orElseThrow();
        assertThat(victim.getIdentifierFirstRep().getSystem()).isEqualTo(Canonical.SID_NIK);
        assertThat(victim.getIdentifierFirstRep().getValue()).isEqualTo("6402064303960007");
        assertThat(victim.getNameFirstRep().getText()).isEqualTo("Nur Hasanah");
        assertThat(victim.getGender().toCode()).isEqualTo("female");
        assertThat(victim.getBirthDateElement().getValueAsString()).isEqualTo("1996-03-03");
        assertThat(victim.getTelecomFirstRep().getValue()).isEqualTo("+6285250123456");
        assertThat(((CodeType) victim.getExtensionByUrl(Canonical.EXT_CITIZENSHIP)
                                .getValue())
                        .getValue())
                .isEqualTo("I");
        Extension code = victim.getAddressFirstRep().getExtensionByUrl(Canonical.EXT_ADMINISTRATIVE_CODE);
        assertThat(code.getExtensionByUrl("province").getValue().primitiveValue())
                .isEqualTo("64");
        assertThat(code.getExtensionByUrl("city").getValue().primitiveValue()).isEqualTo("6402");
        assertThat(victim.getAddressFirstRep().getLine()).hasSize(1);
    }

    @Test
    void thePerpetratorIsTheEmployerLinkedToTheVictim() {
        List<RelatedPerson> people = Bundles.all(bundle, RelatedPerson.class);
        assertThat(people).hasSize(1);
        RelatedPerson perpetrator = people.get(0);
        assertThat(perpetrator.getRelationship())
                .extracting(r -> r.getCodingFirstRep().getCode())
                .containsExactly("MAJIKAN", Canonical.ROLE_PERPETRATOR);
        assertThat(perpetrator.getPatient().getReference())
                .isEqualTo(task.getFor().getReference());
    }

    @Test
    void theVictimsOwnConsentPermitsSharing() {
        Consent consent = Bundles.first(bundle, Consent.class).orElseThrow();
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(consent.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
        assertThat(consent.getPerformerFirstRep().getReference())
                .isEqualTo(task.getFor().getReference());
        assertThat(consent.getDateTimeElement().getValueAsString()).isEqualTo("2025-08-11T09:05:00+07:00");
    }

    @Test
    void theSenderIsKeyedOnItsParticipantIdAndTheDestinationIsLeftToTheHub() {
        Optional<org.hl7.fhir.r4.model.Organization> requester =
                Bundles.resolve(bundle, task.getRequester(), org.hl7.fhir.r4.model.Organization.class);
        assertThat(requester).isPresent();
        assertThat(requester.get().getIdentifierFirstRep().getSystem()).isEqualTo(Canonical.SID_PARTICIPANT);
        assertThat(requester.get().getIdentifierFirstRep().getValue()).isEqualTo("jakarta");
        assertThat(task.hasOwner()).isFalse();
    }

    @Test
    void domesticWorkAbuseByAnEmployerIsNotLabelledSexualOrDomestic() {
        Patient victim = Bundles.resolve(bundle, task.getFor(), Patient.class).orElseThrow();
        assertThat(victim.getMeta().getSecurity()).isEmpty();
    }
}
