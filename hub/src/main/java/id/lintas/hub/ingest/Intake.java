package id.lintas.hub.ingest;

import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.IntakeFields;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.validation.ReferralCheck;
import id.lintas.contracts.validation.ValidationReport;
import id.lintas.hub.delivery.OutboxPublisher;
import id.lintas.hub.lifecycle.ReferralNotFoundException;
import id.lintas.hub.lifecycle.StatusChangeRefusedException;
import id.lintas.hub.lifecycle.StatusService;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What happens to a message once its sender's adapter has read it, whichever way it came (an HTTP
 * request, a FHIR message, a row of a dropped file): a referral is validated, recorded and routed, a
 * status change applied, and the deliveries they owe are published once recorded. A refusal is an
 * exception that names the sender's own field ({@link IntakeFields}); the caller answers it in its
 * channel's form (problem details, OperationOutcome, a receipt row) and keeps the outcome.
 */
@Service
public class Intake {

    private final ReferralCheck check;
    private final FullValidationSample sample;
    private final ReferralIntake referrals;
    private final StatusService statuses;
    private final OutboxPublisher outbox;

    Intake(
            ReferralCheck check,
            FullValidationSample sample,
            ReferralIntake referrals,
            StatusService statuses,
            OutboxPublisher outbox) {
        this.check = check;
        this.sample = sample;
        this.referrals = referrals;
        this.statuses = statuses;
        this.outbox = outbox;
    }

    /**
     * Every referral reaches the hub written by {@code CanonicalWriter} from its typed model, so the cheap
     * check of the model stands for HAPI's full validation of the Bundle (ADR 0011); a sample is still
     * validated in full, off this thread.
     *
     * @throws InvalidMessageException the translation is not a valid canonical referral (base FHIR R4 and
     *     the hub's profiles), with the errors in the sender's words
     * @throws StaleRevisionException an older revision than the hub has, naming the sender's revision field
     */
    public ReferralIntake.Result referral(Connected sender, CanonicalReferral referral) {
        return referral(sender, referral, null);
    }

    /**
     * As {@link #referral(Connected, CanonicalReferral)}, recording the kept message's outcome (ACCEPTED)
     * in the transaction that records the referral.
     *
     * @param inboundId the kept message the referral was read from
     */
    public ReferralIntake.Result referral(Connected sender, CanonicalReferral referral, UUID inboundId) {
        ValidationReport report = check.check(referral.model());
        if (!report.isValid()) {
            throw new InvalidMessageException(
                    "the message does not translate to a valid canonical referral",
                    report.fieldErrors(sender.adapter()),
                    true);
        }
        sample.offer(referral);
        ReferralIntake.Result result;
        try {
            result = referrals.record(sender.participant(), referral, inboundId);
        } catch (StaleRevisionException e) {
            throw e.naming(sender.adapter().intakeFields().revision());
        }
        outbox.publish(result.deliveryIds());
        return result;
    }

    /**
     * @throws ReferralNotFoundException naming the sender's field of the hub's referral id
     * @throws StatusChangeRefusedException naming the sender's status field
     */
    public StatusService.Result status(Connected sender, StatusChange change) {
        IntakeFields fields = sender.adapter().intakeFields();
        StatusService.Result result;
        try {
            result = statuses.apply(sender.participant(), change);
        } catch (ReferralNotFoundException e) {
            throw e.naming(fields.hubReferralId());
        } catch (StatusChangeRefusedException e) {
            throw e.naming(fields.status());
        }
        outbox.publish(result.deliveryIds());
        return result;
    }
}
