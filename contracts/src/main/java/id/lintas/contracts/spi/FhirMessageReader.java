package id.lintas.contracts.spi;

import java.util.List;
import java.util.Optional;

/**
 * An adapter whose region speaks FHIR messaging: it posts message Bundles to the hub's
 * {@code [base]/fhir/$process-message} and runs a FHIR server of its own for what it receives.
 *
 * <p>Field errors name FHIR element paths ({@code Patient.gender}, {@code Bundle.type}) so the hub
 * can answer with an OperationOutcome whose {@code issue.expression} points at them.
 */
public interface FhirMessageReader extends RegionAdapter {

    /**
     * Reads one message Bundle sent by {@code sender}: a {@link CanonicalReferral} for a new referral,
     * a {@link StatusChange} for a status change, as its MessageHeader's event says.
     */
    InboundMessage readMessage(byte[] body, Participant sender) throws TranslationException;

    /**
     * The canonical URLs of the MessageDefinitions of the events this region sends, for the hub's
     * CapabilityStatement ({@code CapabilityStatement.messaging.supportedMessage.definition}).
     */
    List<String> messageDefinitions();

    @Override
    default Optional<FhirMessageReader> fhirMessageReader() {
        return Optional.of(this);
    }
}
