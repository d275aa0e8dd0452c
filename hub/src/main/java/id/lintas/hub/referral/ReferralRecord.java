package id.lintas.hub.referral;

import java.time.Instant;
import java.util.UUID;

/** A referral as the hub keeps it; {@code canonicalJson} holds identifying data and is never logged. */
public record ReferralRecord(
        UUID id,
        String senderId,
        String sourceReference,
        int revision,
        String kind,
        String urgency,
        String status,
        String destinationId,
        String requestedRegion,
        String domicileRegion,
        String incidentRegion,
        String reportingRegion,
        String canonicalJson,
        Instant reportedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether the participant sent or received this referral. */
    public boolean involves(String participantId) {
        return senderId.equals(participantId) || participantId.equals(destinationId);
    }
}
