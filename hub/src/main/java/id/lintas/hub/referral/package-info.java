/** The system of record: referrals, their events (status history) and the facts routing needs. */
package id.lintas.hub.referral;
