package id.lintas.hub.delivery;

import id.lintas.contracts.spi.OutboundDocument;
import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** Sends a document to a region's HTTP endpoint and classifies its answer. */
@Component
class HttpDelivery {

    /** The header of draft-ietf-httpapi-idempotency-key-header. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RestClient client;

    HttpDelivery(RestClient.Builder builder, DeliveryProperties properties) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(properties.httpTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.httpTimeout());
        this.client = builder.requestFactory(factory).build();
    }

    /**
     * 2xx: delivered. 409: the receiver already has it, which counts as delivered. Other 4xx: refused
     * for good. 5xx or no answer: try again later. Every attempt at one delivery carries the same
     * {@code Idempotency-Key}, so a receiver that processed a request whose answer was lost can
     * recognise the retry.
     */
    void send(URI base, OutboundDocument document, String idempotencyKey) {
        URI target = URI.create(stripTrailingSlash(base.toString()) + document.target());
        HttpStatusCode status;
        try {
            status = client.post()
                    .uri(target)
                    .contentType(MediaType.parseMediaType(document.mediaType()))
                    .header(IDEMPOTENCY_KEY, idempotencyKey)
                    .body(document.content())
                    .exchange((request, response) -> response.getStatusCode());
        } catch (ResourceAccessException e) {
            // No cause kept: a stack trace in the log should hold nothing a future client library adds to its messages.
            throw new TransientDeliveryException(
                    "no answer from " + base.getHost() + ": "
                            + e.getMostSpecificCause().getClass().getSimpleName(),
                    null);
        }
        if (status.is2xxSuccessful() || status.value() == HttpStatus.CONFLICT.value()) {
            return;
        }
        if (status.is4xxClientError()) {
            throw new PermanentDeliveryException("receiver refused the document with HTTP " + status.value());
        }
        throw new TransientDeliveryException("receiver answered HTTP " + status.value(), null);
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
