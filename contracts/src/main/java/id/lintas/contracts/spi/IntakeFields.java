package id.lintas.contracts.spi;

import java.util.Objects;

/**
 * The region's own names of the fields the hub checks itself after an adapter has read a message, so a
 * refusal tells the sender's staff which field to fix ({@code revisi}, {@code /kasus/@versi},
 * {@code No Registrasi}).
 *
 * @param revision the case's revision: an older revision than the hub has is refused
 * @param hubReferralId the hub's referral id in a status change: an id the sender may not change is refused
 * @param status the status in a status change: a change the referral's lifecycle does not allow is refused
 */
public record IntakeFields(String revision, String hubReferralId, String status) {

    /** The canonical names, for a format that has no field of its own for them. */
    public static final IntakeFields CANONICAL =
            new IntakeFields("Task.extension:revision", "Task.identifier", "Task.status");

    public IntakeFields {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(hubReferralId, "hubReferralId");
        Objects.requireNonNull(status, "status");
    }
}
