package id.lintas.hub.routing;

import id.lintas.contracts.spi.Participant;
import org.hl7.fhir.r4.model.Bundle;

/** Decides who receives a referral. The one place routing is decided. */
public interface RoutingPolicy {

    RoutingDecision decide(Participant sender, Bundle referral);
}
