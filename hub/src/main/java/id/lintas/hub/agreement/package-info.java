/**
 * Cooperation agreements (PKS): registered as drafts by administrators, signed by every party with
 * a signing key the party registered (kept by {@code security}), versioned, suspended or terminated; and compiled once per change into
 * the rules that routing applies to every referral.
 */
package id.lintas.hub.agreement;
