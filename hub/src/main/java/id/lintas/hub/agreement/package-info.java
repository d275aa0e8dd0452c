/**
 * Cooperation agreements (PKS): registered as drafts by administrators, signed by every party with
 * a key the party registered, versioned, suspended or terminated; and compiled once per change into
 * the rules that routing applies to every referral.
 */
package id.lintas.hub.agreement;
