/**
 * A referral's life after routing: accepted, rejected, completed by the receiver, cancelled by the
 * sender; each change is recorded and told to the other party in its own format.
 */
package id.lintas.hub.lifecycle;
