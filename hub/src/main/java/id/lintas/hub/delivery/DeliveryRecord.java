package id.lintas.hub.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One document owed to one participant.
 *
 * @param kind REFERRAL or STATUS
 * @param status for STATUS: the referral status to tell
 * @param note for STATUS: the reason or remark (free text; never logged)
 * @param state PENDING (in the outbox), ENQUEUED (on the broker), SENDING (claimed by a consumer), DELIVERED,
 *     FAILED (refused for good), DEAD (attempts exhausted, or lost from the broker too often)
 */
public record DeliveryRecord(
        UUID id,
        UUID referralId,
        String recipientId,
        String kind,
        String status,
        String note,
        Instant statusAt,
        String state,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant deliveredAt) {

    public static final String REFERRAL = "REFERRAL";
    public static final String STATUS = "STATUS";

    public static final String PENDING = "PENDING";
    public static final String ENQUEUED = "ENQUEUED";
    public static final String SENDING = "SENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
    public static final String DEAD = "DEAD";
}
