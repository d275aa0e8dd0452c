package id.lintas.hub.ingest;

import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FhirMessageReader;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.InboundMessage;
import id.lintas.contracts.spi.MessageReader;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.hub.lifecycle.StatusChangeRefusedException;
import id.lintas.hub.lifecycle.StatusService;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Header;
import org.apache.camel.RuntimeCamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The steps of receiving a message over HTTP or FHIR: keep the raw message, translate it to canonical, then
 * hand it to {@link Intake} (validate, record and route, publish the deliveries it owes) and keep the
 * outcome. A request runs them in turn on its own thread ({@link #referral}, {@link #status},
 * {@link #message}); the redrive route runs the last two for a kept message whose request died (ADR 0015).
 */
@Component
public class Ingest {

    public static final String PARTICIPANT = "lintasParticipant";
    public static final String INBOUND_ID = "lintasInboundId";
    public static final String MEDIA_TYPE = "lintasMediaType";

    private static final Logger log = LoggerFactory.getLogger(Ingest.class);

    private final ParticipantDirectory participants;
    private final InboundMessageStore inbound;
    private final Intake intake;
    private final IntakeMeters meters;

    Ingest(ParticipantDirectory participants, InboundMessageStore inbound, Intake intake, IntakeMeters meters) {
        this.participants = participants;
        this.inbound = inbound;
        this.intake = intake;
        this.meters = meters;
    }

    /**
     * The exception a step threw, for the caller's error answer: unwrapped from Camel's, also when
     * it was thrown inside an expression (keeping the raw message is one).
     */
    public static RuntimeException stepFailure(CamelExecutionException e) {
        Throwable cause = e.getCause();
        while (cause instanceof RuntimeCamelException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : e;
    }

    /** A referral in the participant's own format, as its request sent it: kept, translated, accepted. */
    public ReferralIntake.Result referral(String participantId, String mediaType, byte[] body) {
        UUID inboundId = keep(body, participantId, mediaType, "REFERRAL");
        return acceptReferral(translateReferral(body, participantId, inboundId, mediaType), participantId, inboundId);
    }

    /** A status change in the participant's own format: kept, translated, applied. */
    public StatusService.Result status(String participantId, String mediaType, byte[] body) {
        UUID inboundId = keep(body, participantId, mediaType, "STATUS");
        return acceptStatus(translateStatus(body, participantId, inboundId, mediaType), participantId, inboundId);
    }

    /**
     * A FHIR message Bundle: kept, read, and accepted as the referral or the status change its event says.
     *
     * @return the referral's {@link ReferralIntake.Result} or the status change's {@link StatusService.Result}
     */
    public Object message(String participantId, String mediaType, byte[] body) {
        UUID inboundId = keep(body, participantId, mediaType, "MESSAGE");
        InboundMessage message = translateMessage(body, participantId, inboundId);
        return message instanceof CanonicalReferral referral
                ? acceptReferral(referral, participantId, inboundId)
                : acceptStatus((StatusChange) message, participantId, inboundId);
    }

    /** Keeps the raw message of an HTTP participant; unknown or file-only participants are refused. */
    public UUID keep(
            byte[] body,
            @Header(PARTICIPANT) String participantId,
            @Header(MEDIA_TYPE) String mediaType,
            @Header("lintasKind") String kind) {
        Connected sender = participants
                .find(participantId)
                .orElseThrow(() -> new UnknownParticipantException("no participant '" + participantId + "'"));
        if (sender.adapter().messageReader().isEmpty()
                && sender.adapter().fhirMessageReader().isEmpty()) {
            throw new UnknownParticipantException(
                    "participant '" + participantId + "' exchanges files, not HTTP messages");
        }
        return inbound.keep(participantId, "HTTP", kind, null, mediaType, body);
    }

    public CanonicalReferral translateReferral(
            byte[] body,
            @Header(PARTICIPANT) String participantId,
            @Header(INBOUND_ID) UUID inboundId,
            @Header(MEDIA_TYPE) String mediaType) {
        Connected sender = participants.get(participantId);
        refuseMismatchedContent(body, mediaType, inboundId, participantId);
        try {
            return messageReader(sender).readReferral(body, sender.participant());
        } catch (TranslationException e) {
            throw rejected(inboundId, participantId, e.errors(), false);
        }
    }

    public StatusChange translateStatus(
            byte[] body,
            @Header(PARTICIPANT) String participantId,
            @Header(INBOUND_ID) UUID inboundId,
            @Header(MEDIA_TYPE) String mediaType) {
        Connected sender = participants.get(participantId);
        refuseMismatchedContent(body, mediaType, inboundId, participantId);
        try {
            return messageReader(sender).readStatus(body, sender.participant());
        } catch (TranslationException e) {
            throw rejected(inboundId, participantId, e.errors(), false);
        }
    }

    /**
     * A body must be what its Content-Type says: JSON declared as XML (or the reverse) is refused, even
     * when the participant's reader could make sense of it, so what is kept and audited is what was sent.
     */
    private void refuseMismatchedContent(byte[] body, String mediaType, UUID inboundId, String participantId) {
        String declared = mediaType == null ? "" : mediaType.toLowerCase(java.util.Locale.ROOT);
        int semicolon = declared.indexOf(';');
        String type = (semicolon < 0 ? declared : declared.substring(0, semicolon)).strip();
        boolean json = type.endsWith("/json") || type.endsWith("+json");
        boolean xml = type.endsWith("/xml") || type.endsWith("+xml");
        int first = firstSignificantByte(body);
        String found = first == '<' ? "XML" : first == '{' || first == '[' ? "JSON" : null;
        if ((json && "XML".equals(found)) || (xml && "JSON".equals(found))) {
            throw rejected(
                    inboundId,
                    participantId,
                    List.of(new FieldError(
                            HttpHeaders.CONTENT_TYPE, "the body is " + found + ", not the declared " + type)),
                    false);
        }
    }

    /** The first byte after a UTF-8 byte-order mark and white space, or -1. */
    private static int firstSignificantByte(byte[] body) {
        int i = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i < body.length ? body[i] : -1;
    }

    private static MessageReader messageReader(Connected sender) {
        return sender.adapter()
                .messageReader()
                .orElseThrow(() -> new UnknownParticipantException("participant '" + sender.id()
                        + "' sends FHIR messages to /fhir/$process-message, not to this endpoint"));
    }

    /** Reads a FHIR message Bundle: a referral or a status change, as its event says. */
    public InboundMessage translateMessage(
            byte[] body, @Header(PARTICIPANT) String participantId, @Header(INBOUND_ID) UUID inboundId) {
        Connected sender = participants.get(participantId);
        FhirMessageReader reader = sender.adapter()
                .fhirMessageReader()
                .orElseThrow(() -> new UnknownParticipantException(
                        "participant '" + participantId + "' does not send FHIR messages"));
        try {
            return reader.readMessage(body, sender.participant());
        } catch (TranslationException e) {
            throw rejected(inboundId, participantId, e.errors(), false);
        }
    }

    /** Validates, records and routes a referral and publishes what it owes ({@link Intake}); keeps the outcome. */
    public ReferralIntake.Result acceptReferral(
            CanonicalReferral referral, @Header(PARTICIPANT) String participantId, @Header(INBOUND_ID) UUID inboundId) {
        try {
            // The outcome is recorded in the transaction that records the referral.
            return intake.referral(participants.get(participantId), referral, inboundId);
        } catch (InvalidMessageException e) {
            throw rejected(inboundId, participantId, e);
        } catch (StaleRevisionException e) {
            inbound.outcome(
                    inboundId,
                    InboundMessageStore.REJECTED,
                    List.of(Map.of("field", e.field(), "reason", e.getMessage())),
                    e.referralId());
            throw e;
        }
    }

    /** Applies a status change and publishes what it owes ({@link Intake}); keeps the outcome. */
    public StatusService.Result acceptStatus(
            StatusChange change, @Header(PARTICIPANT) String participantId, @Header(INBOUND_ID) UUID inboundId) {
        Connected sender = participants.get(participantId);
        try {
            StatusService.Result result = intake.status(sender, change);
            inbound.outcome(inboundId, InboundMessageStore.ACCEPTED, null, result.referralId());
            return result;
        } catch (RuntimeException e) {
            String field = e instanceof StatusChangeRefusedException refused
                    ? refused.field()
                    : sender.adapter().intakeFields().hubReferralId();
            inbound.outcome(
                    inboundId,
                    InboundMessageStore.REJECTED,
                    List.of(Map.of("field", field, "reason", String.valueOf(e.getMessage()))),
                    null);
            throw e;
        }
    }

    private InvalidMessageException rejected(
            UUID inboundId, String participantId, List<FieldError> errors, boolean canonical) {
        return rejected(
                inboundId, participantId, new InvalidMessageException("the message is invalid", errors, canonical));
    }

    private InvalidMessageException rejected(UUID inboundId, String participantId, InvalidMessageException refusal) {
        inbound.outcome(
                inboundId,
                InboundMessageStore.REJECTED,
                refusal.errors().stream()
                        .map(e -> Map.of("field", e.field(), "reason", e.reason()))
                        .toList(),
                null);
        log.info(
                "Message {} from {} rejected: {} field error(s)",
                inboundId,
                participantId,
                refusal.errors().size());
        meters.rejected(participantId, "http", 1);
        return refusal;
    }
}
