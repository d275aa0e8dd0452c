package id.lintas.hub.routing;

import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.Participant;

/** Decides who receives a referral. The one place routing is decided. */
public interface RoutingPolicy {

    /** Decides from the referral's typed model (and its Bundle for FHIRPath conditions), read once at intake. */
    RoutingDecision decide(Participant sender, CanonicalReferral referral);
}
