package id.lintas.hub.routing;

import id.lintas.contracts.spi.Participant;
import id.lintas.hub.referral.ReferralFacts;

/** Decides who receives a referral. The one place routing is decided. */
public interface RoutingPolicy {

    RoutingDecision decide(Participant sender, ReferralFacts facts);
}
