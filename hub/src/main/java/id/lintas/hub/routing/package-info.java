/**
 * Where a referral goes: {@link id.lintas.hub.routing.Router} applies the compiled agreements;
 * {@link id.lintas.hub.routing.AgreementRoutingPolicy} gives it the hub's participants and the
 * agreements in force; {@code POST /api/v1/routing/explain} shows a decision without sending anything;
 * {@link id.lintas.hub.routing.ReceiverCopy} builds a receiver's copy, for the intake check and delivery.
 */
package id.lintas.hub.routing;
