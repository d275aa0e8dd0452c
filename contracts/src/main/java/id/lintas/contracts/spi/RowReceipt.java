package id.lintas.contracts.spi;

/**
 * The outcome of one input row, for the acknowledgement file.
 *
 * @param row the row number (1 = first row after the header)
 * @param sourceReference the region's case number, or null
 * @param hubReferralId the hub's referral id when accepted, else null
 * @param accepted whether the row was accepted
 * @param message why it was refused, or a short confirmation
 */
public record RowReceipt(int row, String sourceReference, String hubReferralId, boolean accepted, String message) {}
