package id.lintas.contracts.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A change in a referral's life, as a region reports it or is told of it.
 *
 * @param hubReferralId the hub's referral id
 * @param sourceReference the region's own case number when it gave one, else null
 * @param status the new status
 * @param note the reason or remark ({@code catatan}); free text, may be null; never logged
 * @param at when the change happened
 */
public record StatusChange(String hubReferralId, String sourceReference, ReferralStatus status, String note, Instant at)
        implements InboundMessage {
    public StatusChange {
        Objects.requireNonNull(hubReferralId, "hubReferralId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
