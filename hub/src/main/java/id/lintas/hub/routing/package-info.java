/**
 * Where a referral goes. The decision lives behind {@link id.lintas.hub.routing.RoutingPolicy};
 * the interim policy follows the regions the referral names until cooperation agreements decide.
 */
package id.lintas.hub.routing;
