package id.lintas.contracts.spi;

import java.util.List;

/**
 * The texts of a batch file's receipt in the region's language, one a row: the hub decides what became
 * of the row, the adapter says it as its region's staff read it ({@link RowReceipt#message()}).
 */
public interface ReceiptTexts {

    /**
     * A referral that was received.
     *
     * @param duplicate whether it was a resend of what the hub already had
     * @param notForwarded why it was not routed to anyone, or null when it was
     * @param notCovered what the agreements did not cover when it was routed in part, or null
     */
    String referralReceived(boolean duplicate, String notForwarded, String notCovered);

    /** A status change that was applied; {@code status} is the referral's status after it. */
    String statusApplied(String status);

    /** A row refused, with the reasons by the region's field names. */
    String refused(List<FieldError> errors);
}
