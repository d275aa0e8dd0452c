package id.lintas.hub.delivery;

import id.lintas.hub.Endpoints;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** From the outbox table to the durable queue: right after commit, and by a relay for anything missed. */
@Component
class OutboxRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(Endpoints.OUTBOX_PUBLISH)
                .routeId("outbox-publish")
                .split(body())
                    // Ids travel as text messages: readable by any operator tool that browses the queue.
                    .convertBodyTo(String.class)
                    .doTry()
                        .to(Endpoints.DELIVERY_QUEUE).id("outbox-enqueue")
                        .bean(DeliveryRepository.class, "markEnqueued(${body})")
                    .doCatch(Exception.class)
                        .log(LoggingLevel.WARN, "Delivery ${body} not enqueued (${exception.message}); the relay will retry")
                    .end()
                .end();

        from(Endpoints.OUTBOX_RELAY_TIMER)
                .routeId("outbox-relay")
                .bean(OutboxRelay.class, "unpublished")
                .filter(simple("${body.size} > 0"))
                    .log(LoggingLevel.INFO, "Relaying ${body.size} unpublished deliveries")
                    .to(Endpoints.OUTBOX_PUBLISH);
    }
}
