package id.lintas.hub.ingest;

import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.hub.Endpoints;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * A kept HTTP or FHIR message taken up again without its request: translate -> intake. A live request
 * runs the same steps on its own thread ({@link Ingest#referral} and the others), without a route.
 */
@Component
class IngestRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(Endpoints.INGEST_FHIR_MESSAGE_STEPS)
                .routeId("ingest-fhir-message-steps")
                .errorHandler(noErrorHandler())
                .bean(Ingest.class, "translateMessage")
                .id("ingest-translate-message")
                .choice()
                .when(body().isInstanceOf(CanonicalReferral.class))
                .bean(Ingest.class, "acceptReferral")
                .otherwise()
                .bean(Ingest.class, "acceptStatus")
                .end();

        // A kept message whose request died before it ended, taken up again without its caller (who
        // got no answer and may send again: intake is idempotent on the sender's reference).
        from(Endpoints.INGEST_REDRIVE)
                .routeId("ingest-redrive")
                .errorHandler(noErrorHandler())
                .choice()
                .when(header("lintasKind").isEqualTo("REFERRAL"))
                .bean(Ingest.class, "translateReferral")
                .bean(Ingest.class, "acceptReferral")
                .when(header("lintasKind").isEqualTo("STATUS"))
                .bean(Ingest.class, "translateStatus")
                .bean(Ingest.class, "acceptStatus")
                .otherwise()
                .to(Endpoints.INGEST_FHIR_MESSAGE_STEPS)
                .end();

        from(Endpoints.INGEST_SWEEP_TIMER)
                .routeId("ingest-sweep")
                .routeConfigurationId(id.lintas.hub.platform.HousekeepingConfiguration.ID)
                .bean(InboundSweeper.class, "sweep");
    }
}
