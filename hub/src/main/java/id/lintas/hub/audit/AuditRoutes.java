package id.lintas.hub.audit;

import id.lintas.hub.Endpoints;
import id.lintas.hub.platform.HousekeepingConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The audit log's sequencer on a timer, off the intake's path: sequence, extend the tree, sign. */
@Component
class AuditRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(Endpoints.AUDIT_SEAL_TIMER)
                .routeId("audit-seal")
                .routeConfigurationId(HousekeepingConfiguration.ID)
                .bean(AuditSequencer.class, "seal");
    }
}
