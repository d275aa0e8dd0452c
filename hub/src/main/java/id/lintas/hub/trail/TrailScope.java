package id.lintas.hub.trail;

import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.security.Caller;
import id.lintas.hub.security.Role;
import java.util.Set;

/**
 * Whose handoffs a caller may trace. A national auditor (no party) sees every handoff; an auditor of a
 * party, like that party's own system, sees the handoffs its region sent or received: all of a referral it
 * sent, and of one it received only its own handoff and what concerns every receiver (intake, the sender's
 * status changes). Anyone else sees nothing, and a referral outside the scope is answered as not found
 * (404), never as someone else's.
 *
 * @param party the participant the caller is limited to; null for a national auditor
 */
record TrailScope(String party) {

    static final TrailScope NATIONAL = new TrailScope(null);

    /** The caller's scope; empty for callers who are neither auditors nor participants. */
    static java.util.Optional<TrailScope> of(Caller caller) {
        if (caller.is(Role.PARTICIPANT) || (caller.is(Role.AUDITOR) && caller.party() != null)) {
            return java.util.Optional.of(new TrailScope(caller.party()));
        }
        return caller.is(Role.AUDITOR) ? java.util.Optional.of(NATIONAL) : java.util.Optional.empty();
    }

    boolean national() {
        return party == null;
    }

    /** Whether the referral, sent by {@code sender} to {@code receivers}, has a handoff in scope. */
    boolean covers(String sender, Set<String> receivers) {
        return national() || party.equals(sender) || receivers.contains(party);
    }

    /** Whether one event of a referral sent by {@code sender} is in scope. */
    boolean shows(AuditEvent event, String sender) {
        if (national() || party.equals(sender)) {
            return true;
        }
        return event.receiver() == null || party.equals(event.receiver());
    }
}
