package id.lintas.hub.referral;

import java.time.Instant;
import java.util.List;

/**
 * One receiver of a referral and what its agreement granted it.
 *
 * @param participantId the receiver
 * @param agreementId the agreement that allowed this route
 * @param agreementVersion its version
 * @param via the party whose annex fanned the referral out to this receiver, or null
 * @param services the services asked of the receiver
 * @param subjectToAvailability those it provides only when it can
 * @param data the data categories it may see (names of {@code DataCategory})
 * @param respondBy when it must have answered, or null
 * @param status the receiver's status of the referral
 */
public record ReferralRoute(
        String participantId,
        String agreementId,
        int agreementVersion,
        String via,
        List<String> services,
        List<String> subjectToAvailability,
        List<String> data,
        Instant respondBy,
        String status) {}
