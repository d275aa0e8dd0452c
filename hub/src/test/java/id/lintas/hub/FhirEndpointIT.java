package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The hub's FHIR endpoint answers as a FHIR server does: a CapabilityStatement, and OperationOutcome on errors. */
class FhirEndpointIT extends HubIntegrationTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void describesItselfWithACapabilityStatement() {
        ResponseEntity<String> answer = http.getForEntity("/fhir/metadata", String.class);

        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/fhir+json");
        CapabilityStatement statement = FHIR.newJsonParser().parseResource(CapabilityStatement.class, answer.getBody());
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getRestFirstRep().getOperation())
                .extracting(o -> o.getName())
                .contains("process-message");
        assertThat(statement.getMessagingFirstRep().getSupportedMessage()).hasSize(2);
    }

    @Test
    void refusesAMessageFromAParticipantThatDoesNotSpeakFhirWithAnOperationOutcome() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("application/fhir+json"));
        headers.set(HttpHeaders.AUTHORIZATION, credentials.bearer("kukar"));
        ResponseEntity<String> answer = http.postForEntity(
                "/fhir/$process-message",
                new HttpEntity<>("{\"resourceType\":\"Bundle\",\"type\":\"message\"}", headers),
                String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, answer.getBody());
        assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("MessageHeader.sender");
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("does not speak FHIR");
    }

    /** Found by {@code EndpointFuzzIT}: an empty body was answered 500. */
    @Test
    void answersAnEmptyBodyWithAnOperationOutcomeNot500() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("application/fhir+json"));
        headers.set(HttpHeaders.AUTHORIZATION, credentials.bearer("jakarta"));
        ResponseEntity<String> answer =
                http.postForEntity("/fhir/$process-message", new HttpEntity<>("", headers), String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, answer.getBody());
        assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Bundle");
    }
}
