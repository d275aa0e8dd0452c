package id.lintas.hub.referral;

import java.time.Instant;

/**
 * One step in a referral's life.
 *
 * @param type RECEIVED, REVISED, ROUTED, REFUSED, STATUS, DELIVERED, DELIVERY_FAILED, DEAD_LETTER
 * @param status the referral's status after the step, when it changed
 * @param actor the participant id, or {@code hub}
 * @param detail a reason a person can act on; never a victim's data
 */
public record ReferralEvent(long id, Instant at, String type, String status, String actor, String detail) {}
