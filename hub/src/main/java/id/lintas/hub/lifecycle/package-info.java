/**
 * A referral's life after routing: accepted, rejected, completed by the receiver, cancelled by the
 * sender; each change is recorded and told to the other party in its own format. Also what each
 * party may read of a referral, its history and its deliveries ({@code /api/v1/referrals}).
 */
package id.lintas.hub.lifecycle;
