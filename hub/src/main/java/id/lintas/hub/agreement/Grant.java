package id.lintas.hub.agreement;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What an agreement lets one receiver have of one referral.
 *
 * @param agreementId the agreement that allows it
 * @param agreementVersion its version
 * @param receiver the participant that receives it
 * @param via the party whose annex fanned it out to the receiver, or null
 * @param services the requested services the receiver is asked for, in request order
 * @param subjectToAvailability those of them the receiver provides only when it can
 * @param data what the receiver may see
 * @param respondWithin how fast the receiver must answer
 */
public record Grant(
        String agreementId,
        int agreementVersion,
        String receiver,
        String via,
        List<String> services,
        List<String> subjectToAvailability,
        Set<DataCategory> data,
        Duration respondWithin) {

    public Grant {
        services = List.copyOf(services);
        subjectToAvailability = List.copyOf(subjectToAvailability);
        data = Set.copyOf(data);
    }
}
