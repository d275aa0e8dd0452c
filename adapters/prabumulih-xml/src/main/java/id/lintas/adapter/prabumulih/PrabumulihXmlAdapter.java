package id.lintas.adapter.prabumulih;

import id.lintas.contracts.mapping.MessageAdapter;
import id.lintas.contracts.spi.CanonicalField;
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
public final class PrabumulihXmlAdapter extends MessageAdapter {

    /** The format id participants name in configuration. */
    public static final String FORMAT = "prabumulih-xml";

    /** Uses the terminology and region table shipped with the product. */
    public PrabumulihXmlAdapter() {
        super(
                FORMAT,
                PrabumulihFields.REGION,
                PrabumulihFields.LIST_LAYANAN,
                new Parts(ReferralReader.READING, StatusMapper::read, ReferralWriter::write, StatusMapper::write));
    }

    @Override
    public String fieldName(CanonicalField field, int victim) {
        String klien = FieldReader.index(FieldReader.path(TaskMapper.ROOT, PrabumulihFields.KLIEN), victim);
        return switch (field) {
            case REPORT_DATE -> FieldReader.path(TaskMapper.ROOT, PrabumulihFields.TANGGAL_PELAPORAN);
            case VICTIM_BIRTH_DATE -> FieldReader.path(klien, PrabumulihFields.TANGGAL_LAHIR);
            case VICTIM_AGE -> FieldReader.path(klien, PrabumulihFields.UMUR);
            case INCIDENT_DATE ->
                FieldReader.path(
                        FieldReader.path(TaskMapper.ROOT, PrabumulihFields.KEJADIAN), PrabumulihFields.TANGGAL);
        };
    }

    @Override
    public IntakeFields intakeFields() {
        return new IntakeFields(
                FieldReader.attributePath(TaskMapper.ROOT, PrabumulihFields.VERSI),
                FieldReader.attributePath(StatusMapper.ROOT, PrabumulihFields.ID_RUJUKAN_HUB),
                FieldReader.attributePath(StatusMapper.ROOT, PrabumulihFields.STATUS));
    }
}
