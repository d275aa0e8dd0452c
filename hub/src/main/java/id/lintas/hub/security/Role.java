package id.lintas.hub.security;

/**
 * What a caller is to the hub. No role does everything: an administrator cannot sign for a party, a
 * signer cannot register agreements, an auditor changes nothing and never reads victims' identity.
 */
public enum Role {
    /** A region's system, acting only for its own participant (machine token). */
    PARTICIPANT,
    /** Registers, amends, suspends, resumes and terminates agreements. */
    ADMIN,
    /** Signs agreements for one party and manages that party's signing keys. */
    SIGNER,
    /** Reads agreements, their trail and referrals' history, without victims' identity. */
    AUDITOR,
    /** Runs the hub: deliveries, dead letters, overdue answers, participants' client keys. */
    OPERATOR;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
