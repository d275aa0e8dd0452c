package id.lintas.contracts.mapping;

import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.ReferralStatus;
import id.lintas.contracts.spi.StatusChange;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.hl7.fhir.r4.model.Coding;

/**
 * A region's status words and the hub's {@link ReferralStatus}: every region's ConceptMap translates
 * its status list to FHIR's task-status, which {@link ReferralStatus} mirrors.
 */
public final class ReferralStatuses {

    /** FHIR's task-status, the hub side of every region's status list. */
    public static final String TASK_STATUS = "http://hl7.org/fhir/task-status";

    private static final String REJECTED = "rejected";

    private ReferralStatuses() {}

    /** A status as the task-status coding to translate into a region's list. */
    public static Coding taskStatus(ReferralStatus status) {
        return new Coding(TASK_STATUS, status.taskStatus().toCode(), null);
    }

    /** Whether a translated status is a refusal, which every region must give a reason for. */
    public static boolean isRejection(Coding taskStatus) {
        return taskStatus != null && REJECTED.equals(taskStatus.getCode());
    }

    /**
     * The change a region reports, its local time taken in the sender's zone.
     *
     * @param taskStatus the region's status, translated by the ConceptMap {@code conceptMap}
     */
    public static StatusChange change(
            String hubReferralId,
            Coding taskStatus,
            String note,
            LocalDateTime at,
            Participant sender,
            String conceptMap) {
        return new StatusChange(
                hubReferralId,
                null,
                of(taskStatus, conceptMap),
                note,
                at.atZone(sender.zone()).toInstant());
    }

    private static ReferralStatus of(Coding taskStatus, String conceptMap) {
        return Arrays.stream(ReferralStatus.values())
                .filter(s -> s.taskStatus().toCode().equals(taskStatus.getCode()))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("ConceptMap " + conceptMap + " maps a status to task-status "
                                + taskStatus.getCode() + ", which ReferralStatus does not know"));
    }
}
