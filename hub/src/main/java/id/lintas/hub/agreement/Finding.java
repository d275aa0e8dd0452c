package id.lintas.hub.agreement;

/**
 * Why an agreement did not (fully) cover a referral for one receiver.
 *
 * @param receiver the participant it was considered for
 * @param agreementId the agreement, or null when there is none between the two
 * @param agreementVersion its version, or 0
 * @param clause the clause that failed
 * @param reason the reason in words a person can act on (never a victim's data)
 */
public record Finding(String receiver, String agreementId, int agreementVersion, Clause clause, String reason) {

    @Override
    public String toString() {
        String where = agreementId == null ? "" : "agreement " + agreementId + " v" + agreementVersion + ": ";
        return where + reason;
    }
}
