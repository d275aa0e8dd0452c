package id.lintas.hub.ingest;

/** The path names a participant this hub does not know, or one that cannot use this channel. */
public class UnknownParticipantException extends RuntimeException {
    public UnknownParticipantException(String message) {
        super(message);
    }
}
