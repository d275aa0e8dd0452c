package id.lintas.adapter.prabumulih;

import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.spi.CanonicalField;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.MessageReader;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.spi.Transport;
import id.lintas.contracts.terminology.Terminology;
import id.lintas.contracts.spi.IntakeFields;

/**
 * The {@code prabumulih-xml} format of DP2KBPPPA Kota Prabumulih ("Satu Layanan"): XML over HTTPS
 * in the namespace {@code urn:prabumulih:satulayanan:kasus:2}, Kemendagri region codes without
 * dots, WIB local times without offset, numeric code lists (FORMAT.md version 2).
 *
 * <p>Reads Prabumulih's {@code <kasus>} and {@code <status_rujukan>} documents into the canonical
 * model and renders canonical referrals and status changes for Prabumulih's endpoints
 * ({@code /satulayanan/api/v2/rujukan}, {@code /satulayanan/api/v2/status}). Every document, in and
 * out, is checked against {@code xsd/prabumulih-kasus-2.xsd}; the parser refuses DOCTYPEs, so no
 * entity or external DTD is ever resolved. Field errors name the element by its path
 * ({@code /kasus/klien[1]/tanggal_lahir}). Codes are translated by the ConceptMaps
 * {@code prabumulih-to-hub} and {@code hub-to-prabumulih}. Stateless and thread-safe; found by
 * {@link java.util.ServiceLoader}. Error reasons never quote a victim's identifying values.
 */
public final class PrabumulihXmlAdapter implements MessageReader {

    /** The format id participants name in configuration. */
    public static final String FORMAT = "prabumulih-xml";

    private final Terminology terminology;
    private final ReferralReader referralReader;
    private final ReferralWriter referralWriter;
    private final StatusMapper statusMapper;

    /** Uses the terminology and region table shipped with the product. */
    public PrabumulihXmlAdapter() {
        this.terminology = Terminology.standard();
        RegionTable regions = RegionTable.standard();
        this.referralReader = new ReferralReader(terminology, regions);
        this.referralWriter = new ReferralWriter(terminology, regions);
        this.statusMapper = new StatusMapper(terminology, regions);
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Transport transport() {
        return Transport.HTTP;
    }

    @Override
    public String fieldName(CanonicalField field, int victim) {
        String klien = FieldReader.index(FieldReader.path(TaskMapper.ROOT, PrabumulihFields.KLIEN), victim);
        return switch (field) {
            case REPORT_DATE -> FieldReader.path(TaskMapper.ROOT, PrabumulihFields.TANGGAL_PELAPORAN);
            case VICTIM_BIRTH_DATE -> FieldReader.path(klien, PrabumulihFields.TANGGAL_LAHIR);
            case VICTIM_AGE -> FieldReader.path(klien, PrabumulihFields.UMUR);
            case INCIDENT_DATE -> FieldReader.path(FieldReader.path(TaskMapper.ROOT, PrabumulihFields.KEJADIAN),
                    PrabumulihFields.TANGGAL);
        };
    }

    @Override
    public boolean carriesService(String code) {
        return terminology.expresses(PrabumulihFields.REGION, PrabumulihFields.LIST_LAYANAN, Canonical.CS_SERVICE, code);
    }

    @Override
    public CanonicalReferral readReferral(byte[] body, Participant sender) throws TranslationException {
        return referralReader.read(body, sender);
    }

    @Override
    public StatusChange readStatus(byte[] body, Participant sender) throws TranslationException {
        return statusMapper.read(body, sender);
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

    @Override
    public IntakeFields intakeFields() {
        return new IntakeFields(FieldReader.attributePath(TaskMapper.ROOT, PrabumulihFields.VERSI),
                FieldReader.attributePath(StatusMapper.ROOT, PrabumulihFields.ID_RUJUKAN_HUB),
                FieldReader.attributePath(StatusMapper.ROOT, PrabumulihFields.STATUS));
    }
}
