package id.lintas.hub.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import id.lintas.hub.Endpoints;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * The hub's camel-fhir endpoints against a real HAPI server: a transaction with a conditional
 * Patient create is processed once per NIK and read back; a message reaches {@code $process-message}.
 */
class JakartaFhirServerIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private static String transaction(String taskId) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("https://fhir.kemkes.go.id/id/nik").setValue("3174015506950007");
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        bundle.addEntry()
                .setFullUrl("urn:uuid:p1")
                .setResource(patient)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient")
                .setIfNoneExist("identifier=https://fhir.kemkes.go.id/id/nik|3174015506950007");
        Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
        task.addIdentifier().setSystem("urn:lintas:referral").setValue(taskId);
        task.setFor(new Reference("urn:uuid:p1"));
        bundle.addEntry()
                .setFullUrl("urn:uuid:t1")
                .setResource(task)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Task");
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    @Test
    void processesTransactionsWithConditionalCreatesAndTakesMessages() throws Exception {
        try (JakartaFhirServer server = new JakartaFhirServer();
                DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();

            producer.requestBody(Endpoints.fhirTransaction(server.baseUrl()), transaction("ref-1"));
            producer.requestBody(Endpoints.fhirTransaction(server.baseUrl()), transaction("ref-2"));

            IGenericClient client = FHIR.newRestfulGenericClient(server.baseUrl());
            List<Patient> patients =
                    client.search().forResource(Patient.class).returnBundle(Bundle.class).execute().getEntry().stream()
                            .map(e -> (Patient) e.getResource())
                            .toList();
            List<Task> tasks =
                    client.search().forResource(Task.class).returnBundle(Bundle.class).execute().getEntry().stream()
                            .map(e -> (Task) e.getResource())
                            .toList();
            assertThat(patients).as("the same NIK is created once").hasSize(1);
            assertThat(tasks).hasSize(2);
            assertThat(tasks)
                    .allSatisfy(t -> assertThat(t.getFor().getReference())
                            .isEqualTo(
                                    "Patient/" + patients.get(0).getIdElement().getIdPart()));

            Bundle message = new Bundle().setType(Bundle.BundleType.MESSAGE);
            message.addEntry().setFullUrl("urn:uuid:h1").setResource(new MessageHeader());
            producer.requestBody(Endpoints.fhirProcessMessage(server.baseUrl()), message);
            assertThat(server.messages()).hasSize(1);
        }
    }
}
