/**
 * Where a referral goes: {@link id.lintas.hub.routing.Router} applies the compiled agreements;
 * {@link id.lintas.hub.routing.AgreementRoutingPolicy} gives it the hub's participants and the
 * agreements in force; {@code POST /api/v1/routing/explain} shows a decision without sending anything.
 */
package id.lintas.hub.routing;
