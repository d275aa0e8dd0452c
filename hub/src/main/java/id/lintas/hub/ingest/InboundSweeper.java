package id.lintas.hub.ingest;

import id.lintas.hub.Endpoints;
import id.lintas.hub.delivery.DeliveryProperties;
import id.lintas.hub.delivery.FileDrop;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Inbound messages whose request died before it ended (a crash, a frozen database) stay RECEIVED.
 * The sweeper takes each up again through the same steps, without its caller: a referral is
 * recorded and routed, a status applied, as if the request had finished (intake is idempotent on
 * the sender's reference, so the sender's own resend changes nothing). A file is read again from
 * the inbox by its route, so its row is closed; what cannot be taken up is DEAD with the reason.
 */
@Component
class InboundSweeper {

    private static final Logger log = LoggerFactory.getLogger(InboundSweeper.class);

    private final InboundMessageStore inbound;
    private final ProducerTemplate producer;
    private final FileDrop files;
    private final DeliveryProperties properties;

    InboundSweeper(
            InboundMessageStore inbound, ProducerTemplate producer, FileDrop files, DeliveryProperties properties) {
        this.inbound = inbound;
        this.producer = producer;
        this.files = files;
        this.properties = properties;
    }

    public int sweep() {
        List<InboundMessageStore.Stale> stale = inbound.takeStale(properties.sweepGrace(), 100);
        int redriven = 0;
        for (InboundMessageStore.Stale message : stale) {
            if ("FILE".equals(message.channel())) {
                closeFile(message);
                continue;
            }
            byte[] content = inbound.content(message.id()).orElse(null);
            if (content == null) {
                dead(message, "the kept content cannot be read");
                continue;
            }
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put(Ingest.PARTICIPANT, message.participantId());
            headers.put(Ingest.INBOUND_ID, message.id());
            headers.put("lintasKind", message.kind());
            try {
                producer.requestBodyAndHeaders(Endpoints.INGEST_REDRIVE, content, headers);
                redriven++;
                log.info(
                        "Inbound message {} from {} was left unfinished by its request; taken up again",
                        message.id(),
                        message.participantId());
            } catch (CamelExecutionException e) {
                RuntimeException cause = Ingest.stepFailure(e);
                if (cause instanceof InvalidMessageException
                        || cause instanceof StaleRevisionException
                        || inboundDecided(message)) {
                    continue; // the steps recorded their own outcome (rejected, with the fields)
                }
                dead(
                        message,
                        "taken up again after its request died, and failed: "
                                + cause.getClass().getSimpleName());
            }
        }
        return redriven;
    }

    private boolean inboundDecided(InboundMessageStore.Stale message) {
        return !InboundMessageStore.RECEIVED.equals(
                inbound.outcomeOf(message.id()).orElse(InboundMessageStore.RECEIVED));
    }

    /** The file route reads a file again until it is archived: the interrupted read's row is closed then. */
    private void closeFile(InboundMessageStore.Stale message) {
        boolean stillInInbox = message.fileName() != null
                && Files.exists(files.inbox(message.participantId()).resolve(message.fileName()));
        if (stillInInbox) {
            inbound.unsweep(message.id()); // being read (a long file) or waiting to be read again: look later
            return;
        }
        dead(message, "reading was interrupted; the file was read again from the inbox (see the later message)");
    }

    private void dead(InboundMessageStore.Stale message, String reason) {
        inbound.outcome(
                message.id(), InboundMessageStore.DEAD, List.of(Map.of("field", "message", "reason", reason)), null);
        log.warn("Inbound message {} from {} is closed: {}", message.id(), message.participantId(), reason);
    }
}
