package id.lintas.hub.delivery;

import id.lintas.hub.Endpoints;
import id.lintas.hub.platform.HousekeepingConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Housekeeping on timers: the outbox relay for anything not published, the sweeper for anything stuck. */
@Component
class OutboxRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(Endpoints.OUTBOX_RELAY_TIMER)
                .routeId("outbox-relay")
                .routeConfigurationId(HousekeepingConfiguration.ID)
                .bean(OutboxRelay.class, "relay");

        from(Endpoints.SWEEP_TIMER)
                .routeId("delivery-sweep")
                .routeConfigurationId(HousekeepingConfiguration.ID)
                .bean(Sweeper.class, "sweep");
    }
}
