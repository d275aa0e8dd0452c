package id.lintas.hub.audit;

import java.util.List;

/**
 * A participant's approved, unrevoked witness keys as cosigner verifier keys (type 0x04). Implemented
 * where participants' keys are registered and approved (the agreement package), so the log does not
 * depend on that package.
 */
public interface WitnessKeys {

    List<SignedNote.VerifierKey> approved(String participant);
}
