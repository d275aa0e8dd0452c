package id.lintas.hub.delivery;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.hub.Endpoints;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
        String server = base.toString().endsWith("/")
                ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        String json = new String(document.content(), StandardCharsets.UTF_8);
        try {
            if (document.target().isEmpty()) {
                producer.requestBody(Endpoints.fhirTransaction(server), json);
            } else {
                producer.requestBody(
                        Endpoints.fhirProcessMessage(server),
                        fhir.newJsonParser().parseResource(Bundle.class, json));
            }
        } catch (RuntimeException e) {
            RuntimeException failure = classify(e, base);
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * What the failure means (null: the server already has it), in words that hold no part of the document: camel-fhir puts the call's
     * arguments (the whole Bundle) into its exception's message, and HAPI may quote the server's answer,
     * so no exception of theirs is kept as a cause, where a log's stack trace would print it.
     */
    static RuntimeException classify(RuntimeException failure, URI base) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FhirClientConnectionException) {
                return new TransientDeliveryException(
                        "no usable answer from " + base.getHost() + " (connection or server metadata failed)", null);
            }
            if (cause instanceof BaseServerResponseException response) {
                int status = response.getStatusCode();
                if (status == 409 || status == 412) {
                    return null;
                }
                if (status >= 400 && status < 500) {
                    return new PermanentDeliveryException("FHIR server refused the document with HTTP " + status);
                }
                return new TransientDeliveryException("FHIR server answered HTTP " + status, null);
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new TransientDeliveryException(
                "FHIR delivery failed: " + root.getClass().getSimpleName(), null);
    }
}
