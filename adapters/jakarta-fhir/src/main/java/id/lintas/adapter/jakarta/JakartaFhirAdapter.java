package id.lintas.adapter.jakarta;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FhirMessageReader;
import id.lintas.contracts.spi.InboundMessage;
import id.lintas.contracts.spi.IntakeFields;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.spi.Transport;
import id.lintas.contracts.terminology.Terminology;
import java.util.List;

/**
 * The {@code jakarta-fhir} format of UPTD PPA Provinsi DKI Jakarta: FHIR R4 messaging
 * ({@code $process-message}) with SATUSEHAT identifiers and addresses and Jakarta's own code systems
 * for referral kind, services, violence and relationships (FORMAT.md version 1).
 *
 * <p>Reads Jakarta's {@code rujukan-baru} and {@code status-rujukan} message Bundles into the
 * typed model ({@code id.lintas.contracts.model}), which {@code CanonicalWriter} writes as the canonical
 * Bundle, translating codes by the ConceptMaps {@code jakarta-to-hub} and {@code hub-to-jakarta} and
 * region codes without dots by the region table. Renders a referral, read back by
 * {@code CanonicalReader}, as a {@code transaction} Bundle for Jakarta's FHIR server and a status
 * change as a message Bundle for its {@code $process-message}. Field errors name FHIR element paths ({@code Patient.gender}) and
 * never quote a victim's identifying values. Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class JakartaFhirAdapter implements FhirMessageReader {

    /** The format id participants name in configuration. */
    public static final String FORMAT = "jakarta-fhir";

    private final MessageParser parser;
    private final Terminology terminology;
    private final ReferralReader referralReader;
    private final ReferralWriter referralWriter;
    private final StatusMapper statusMapper;

    /** Uses the terminology and region table shipped with the product. */
    public JakartaFhirAdapter() {
        FhirContext fhir = FhirContext.forR4Cached();
        this.terminology = Terminology.standard();
        RegionTable regions = RegionTable.standard();
        this.parser = new MessageParser(fhir);
        Codes codes = new Codes(terminology);
        this.referralReader = new ReferralReader(codes, regions);
        this.referralWriter = new ReferralWriter(fhir, codes, regions);
        this.statusMapper = new StatusMapper(fhir);
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Transport transport() {
        return Transport.FHIR;
    }

    @Override
    public boolean carriesService(String code) {
        return terminology.expresses(JakartaFhir.REGION, JakartaFhir.LIST_LAYANAN, Canonical.CS_SERVICE, code);
    }

    @Override
    public InboundMessage readMessage(byte[] body, Participant sender) throws TranslationException {
        MessageParser.Message message = parser.parse(body);
        if (JakartaFhir.EVENT_STATUS.equals(message.event())) {
            return statusMapper.read(message);
        }
        return referralReader.read(message, sender);
    }

    @Override
    public OutboundDocument renderReferral(OutboundReferral referral, Participant receiver)
            throws TranslationException {
        return referralWriter.write(referral, receiver);
    }

    @Override
    public OutboundDocument renderStatus(StatusChange change, Participant recipient) throws TranslationException {
        return statusMapper.write(change, recipient);
    }

    /** The revision is the Task's version, the hub's id its identifier {@code urn:lintas:referral}. */
    @Override
    public IntakeFields intakeFields() {
        return new IntakeFields("Task.meta.versionId", "Task.identifier", "Task.status");
    }

    @Override
    public List<String> messageDefinitions() {
        String definitions = JakartaFhir.BASE + "/MessageDefinition/";
        return List.of(definitions + JakartaFhir.EVENT_REFERRAL, definitions + JakartaFhir.EVENT_STATUS);
    }
}
