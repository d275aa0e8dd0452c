package id.lintas.hub.participant;

/**
 * A participant connected, changed, suspended or reinstated, published once the directory holds the change
 * (on the instance that made it and, at their next refresh, on every other). What is built per participant
 * (routes, gauges) follows it.
 *
 * @param before the participant as it was; null when it is new to this instance
 * @param after the participant as it is now
 */
public record ParticipantChanged(ParticipantDirectory.Connected before, ParticipantDirectory.Connected after) {

    public String id() {
        return after.id();
    }

    /** Newly known to this instance. */
    public boolean added() {
        return before == null;
    }
}
