package id.lintas.contracts.spi;

import org.hl7.fhir.r4.model.Task.TaskStatus;

/** The life of a referral as the regions speak of it; mirrors FHIR Task.status. */
public enum ReferralStatus {
    REQUESTED(TaskStatus.REQUESTED),
    ACCEPTED(TaskStatus.ACCEPTED),
    REJECTED(TaskStatus.REJECTED),
    COMPLETED(TaskStatus.COMPLETED),
    CANCELLED(TaskStatus.CANCELLED);

    private final TaskStatus taskStatus;

    ReferralStatus(TaskStatus taskStatus) {
        this.taskStatus = taskStatus;
    }

    public TaskStatus taskStatus() {
        return taskStatus;
    }

    /** Statuses only the receiving region may set (accept, reject, complete). */
    public boolean isReceiverDecision() {
        return this == ACCEPTED || this == REJECTED || this == COMPLETED;
    }
}
