package id.lintas.hub.delivery;

import id.lintas.hub.Endpoints;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Consumes the delivery queue in a JMS transaction: a transient failure rolls the message back to
 * the broker, which redelivers it with backoff and finally moves it to the dead-letter queue.
 */
@Component
class DeliveryRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(Endpoints.DELIVERY_CONSUMER)
                .routeId("delivery-send")
                .errorHandler(noErrorHandler())
                .bean(DeliveryService.class, "deliver(${body}, ${header.JMSXDeliveryCount})").id("delivery-render-and-send");
    }
}
