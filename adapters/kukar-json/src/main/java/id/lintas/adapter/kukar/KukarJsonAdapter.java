package id.lintas.adapter.kukar;

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
 * The {@code kukar-json} format of DP3A Kabupaten Kutai Kartanegara: JSON over HTTPS, BPS 2014
 * region codes, WITA local times without offset (FORMAT.md version 1).
 *
 * <p>Reads Kukar's referrals and status updates into the canonical model, reporting every field
 * error by Kukar's JSON path ({@code korban[0].tgl_lahir}), and renders canonical referrals and
 * status changes for Kukar's webhook. Codes are translated by the ConceptMaps
 * {@code kukar-to-hub} and {@code hub-to-kukar}. Stateless and thread-safe; found by
 * {@link java.util.ServiceLoader}. Error reasons never quote a victim's identifying values.
 */
public final class KukarJsonAdapter implements MessageReader {

    /** The format id participants name in configuration. */
    public static final String FORMAT = "kukar-json";

    private final Terminology terminology;
    private final ReferralReader referralReader;
    private final ReferralWriter referralWriter;
    private final StatusMapper statusMapper;

    /** Uses the terminology and region table shipped with the product. */
    public KukarJsonAdapter() {
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
        return switch (field) {
            case REPORT_DATE -> KukarFields.TGL_LAPOR;
            case VICTIM_BIRTH_DATE -> KukarFields.KORBAN + "[" + victim + "]." + KukarFields.TGL_LAHIR;
            case VICTIM_AGE -> KukarFields.KORBAN + "[" + victim + "]." + KukarFields.USIA;
            case INCIDENT_DATE -> KukarFields.KEJADIAN + "." + KukarFields.TGL_KEJADIAN;
        };
    }

    @Override
    public boolean carriesService(String code) {
        return terminology.expresses(KukarFields.REGION, KukarFields.LIST_LAYANAN, Canonical.CS_SERVICE, code);
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
        return new IntakeFields(KukarFields.REVISI, KukarFields.ID_RUJUKAN_HUB, KukarFields.STATUS);
    }
}
