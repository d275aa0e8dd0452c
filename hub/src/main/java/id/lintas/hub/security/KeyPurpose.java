package id.lintas.hub.security;

/** What a participant's registered public key is for; a key is accepted for its own purpose only. */
public enum KeyPurpose {
    /** Its signers sign agreements with it (registered by the party's signer). */
    SIGNING,
    /**
     * Its system signs {@code private_key_jwt} client assertions with it to obtain tokens (registered by
     * an operator, usable once a signer of the participant or a second operator approved it).
     */
    CLIENT,
    /**
     * Its system, as a witness of the audit log, cosigns the log's checkpoints with it (an Ed25519 JWK,
     * RFC 8037, whose kid is the cosigner's key name; docs/audit.md): registered by an operator, usable once
     * a signer of the participant or a second operator approved it, as client keys.
     */
    WITNESS;

    /** Keys of this purpose are usable only once a second person approved them. */
    public boolean needsApproval() {
        return this != SIGNING;
    }
}
