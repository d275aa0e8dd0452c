package id.lintas.hub.delivery;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.hub.Endpoints;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * Sends a document to a FHIR-speaking region's server with camel-fhir: a transaction Bundle to the
 * server's base (target {@code ""}), a message Bundle to {@code $process-message}. A 4xx other than
 * 409 or 412 (already there, a conditional create that matched) is refused for good; 5xx or no
 * answer is tried again.
 */
@Component
class FhirDelivery {

    private final ProducerTemplate producer;
    private final FhirContext fhir;

    FhirDelivery(ProducerTemplate producer, FhirContext fhir) {
        this.producer = producer;
        this.fhir = fhir;
    }

    void send(URI base, OutboundDocument document) {
        String server = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        String json = new String(document.content(), StandardCharsets.UTF_8);
        try {
            if (document.target().isEmpty()) {
                producer.requestBody(Endpoints.fhirTransaction(server), json);
            } else {
                producer.requestBody(Endpoints.fhirProcessMessage(server), fhir.newJsonParser().parseResource(Bundle.class, json));
            }
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BaseServerResponseException response) {
                int status = response.getStatusCode();
                if (status == 409 || status == 412) {
                    return;
                }
                if (status >= 400 && status < 500) {
                    throw new PermanentDeliveryException("FHIR server refused the document with HTTP " + status);
                }
                throw new TransientDeliveryException("FHIR server answered HTTP " + status, e);
            }
            if (cause instanceof FhirClientConnectionException) {
                throw new TransientDeliveryException("no answer from " + base.getHost(), e);
            }
            throw new TransientDeliveryException("FHIR delivery failed: " + (cause == null ? e : cause).getClass().getSimpleName(), e);
        }
    }
}
