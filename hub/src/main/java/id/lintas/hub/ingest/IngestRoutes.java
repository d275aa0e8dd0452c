package id.lintas.hub.ingest;

import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.hub.Endpoints;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Receiving over HTTP and FHIR: keep -> translate -> intake (validate, record and route, publish). */
@Component
class IngestRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(Endpoints.INGEST_REFERRAL)
                .routeId("ingest-http-referral")
                // Errors go back to the caller, which answers with problem details; nothing to redeliver.
                .errorHandler(noErrorHandler())
                .setHeader("lintasKind", constant("REFERRAL"))
                .setHeader(Ingest.INBOUND_ID, method(Ingest.class, "keep"))
                .bean(Ingest.class, "translateReferral")
                .id("ingest-translate")
                .bean(Ingest.class, "acceptReferral")
                .id("ingest-accept");

        from(Endpoints.INGEST_FHIR_MESSAGE)
                .routeId("ingest-fhir-message")
                .errorHandler(noErrorHandler())
                .setHeader("lintasKind", constant("MESSAGE"))
                .setHeader(Ingest.INBOUND_ID, method(Ingest.class, "keep"))
                .to(Endpoints.INGEST_FHIR_MESSAGE_STEPS);

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

        from(Endpoints.INGEST_STATUS)
                .routeId("ingest-http-status")
                .errorHandler(noErrorHandler())
                .setHeader("lintasKind", constant("STATUS"))
                .setHeader(Ingest.INBOUND_ID, method(Ingest.class, "keep"))
                .bean(Ingest.class, "translateStatus")
                .id("ingest-translate-status")
                .bean(Ingest.class, "acceptStatus")
                .id("ingest-accept-status");

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
