package id.lintas.hub.ingest;

import id.lintas.contracts.spi.FileRejectedException;
import id.lintas.contracts.spi.Transport;
import id.lintas.hub.Endpoints;
import id.lintas.hub.delivery.FileDrop;
import id.lintas.hub.delivery.FilesProperties;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.stereotype.Component;

/**
 * One route per file-drop participant: a complete file in its inbox (never a {@code .tmp}) is admitted
 * (a regular file of that folder, within the size cap), read once, then archived; a file refused whole
 * goes to the error folder.
 */
@Component
class FileRoutes extends RouteBuilder {

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
        // Already reported in a receipt and a log line; the failure only sends the file to error/.
        onException(FileRejectedException.class).handled(false).logExhausted(false).logStackTrace(false);
        // The database does not answer: the file is read again in place until it does, never moved to
        // error/ without a receipt (PPU would be told nothing about the cases in it).
        onException(DataAccessException.class, TransactionException.class)
                .maximumRedeliveries(-1).redeliveryDelay(1000).useExponentialBackOff().backOffMultiplier(2)
                .maximumRedeliveryDelay(30_000)
                .retryAttemptedLogLevel(LoggingLevel.WARN).logRetryStackTrace(false).logStackTrace(false)
                .logExhaustedMessageBody(false).logExhaustedMessageHistory(false);

        String root = files.root().toAbsolutePath().toString();
        for (Connected participant : participants.withTransport(Transport.FILE)) {
            drop.prepare(participant.id());
            from(Endpoints.fileInbox(root, participant.id(), files.pollInterval().toMillis()))
                    .routeId("ingest-file-" + participant.id())
                    .setHeader(Ingest.PARTICIPANT, constant(participant.id()))
                    .bean(FileIngest.class, "admit").id("ingest-file-admit-" + participant.id())
                    .convertBodyTo(byte[].class)
                    .bean(FileIngest.class, "process").id("ingest-file-process-" + participant.id());
        }
    }
}
