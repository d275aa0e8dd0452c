package id.lintas.hub.ingest;

import id.lintas.contracts.spi.FileRejectedException;
import id.lintas.contracts.spi.Transport;
import id.lintas.hub.Endpoints;
import id.lintas.hub.delivery.FileDrop;
import id.lintas.hub.delivery.FilesProperties;
import id.lintas.hub.participant.ParticipantChanged;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import java.util.concurrent.TimeUnit;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * One route per file-drop participant: a complete file in its inbox (never a {@code .tmp}) is admitted
 * (a regular file of that folder, within the size cap), read once, then archived; a file refused whole
 * goes to the error folder. A file-drop participant connected at run time gets its route then; a
 * suspended one has none: its files wait in its inbox, unread, until it is reinstated.
 */
@Component
class FileRoutes extends RouteBuilder {

    private static final String ROUTE = "ingest-file-";

    private final ParticipantDirectory participants;
    private final FilesProperties files;
    private final FileDrop drop;

    FileRoutes(ParticipantDirectory participants, FilesProperties files, FileDrop drop) {
        this.participants = participants;
        this.files = files;
        this.drop = drop;
    }

    @Override
    public void configure() {
        errorHandling(this);
        for (Connected participant : participants.withTransport(Transport.FILE)) {
            if (!participant.suspended()) {
                inboxRoute(this, participant.id());
            }
        }
    }

    private static void errorHandling(RouteBuilder builder) {
        // Already reported in a receipt and a log line; the failure only sends the file to error/.
        builder.onException(FileRejectedException.class)
                .handled(false)
                .logExhausted(false)
                .logStackTrace(false);
        // The database does not answer: the file is read again in place until it does, never moved to
        // error/ without a receipt (PPU would be told nothing about the cases in it).
        builder.onException(DataAccessException.class, TransactionException.class)
                .maximumRedeliveries(-1)
                .redeliveryDelay(1000)
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(30_000)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logRetryStackTrace(false)
                .logStackTrace(false)
                .logExhaustedMessageBody(false)
                .logExhaustedMessageHistory(false);
    }

    private void inboxRoute(RouteBuilder builder, String participantId) {
        String root = files.root().toAbsolutePath().toString();
        drop.prepare(participantId);
        builder.from(Endpoints.fileInbox(
                        root, participantId, files.pollInterval().toMillis()))
                .routeId(ROUTE + participantId)
                .setHeader(Ingest.PARTICIPANT, builder.constant(participantId))
                .bean(FileIngest.class, "admit")
                .id("ingest-file-admit-" + participantId)
                .convertBodyTo(byte[].class)
                .bean(FileIngest.class, "process")
                .id("ingest-file-process-" + participantId);
    }

    /** A file-drop participant connected, suspended, reinstated or moved to another format at run time. */
    @EventListener
    void participantChanged(ParticipantChanged change) throws Exception {
        String id = change.id();
        boolean wanted = change.after().adapter().transport() == Transport.FILE
                && !change.after().suspended();
        boolean running = getCamelContext().getRoute(ROUTE + id) != null;
        if (wanted && !running) {
            getCamelContext().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandling(this);
                    inboxRoute(this, id);
                }
            });
        } else if (!wanted && running) {
            getCamelContext().getRouteController().stopRoute(ROUTE + id, 30, TimeUnit.SECONDS);
            getCamelContext().removeRoute(ROUTE + id);
        }
    }
}
