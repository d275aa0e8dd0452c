package id.lintas.adapter.kukar;

import id.lintas.contracts.mapping.MessageAdapter;
import id.lintas.contracts.spi.CanonicalField;
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
public final class KukarJsonAdapter extends MessageAdapter {

    /** The format id participants name in configuration. */
    public static final String FORMAT = "kukar-json";

    /** Uses the terminology and region table shipped with the product. */
    public KukarJsonAdapter() {
        super(
                FORMAT,
                KukarFields.REGION,
                KukarFields.LIST_LAYANAN,
                new Parts(ReferralReader.READING, StatusMapper::read, ReferralWriter::write, StatusMapper::write));
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
    public IntakeFields intakeFields() {
        return new IntakeFields(KukarFields.REVISI, KukarFields.ID_RUJUKAN_HUB, KukarFields.STATUS);
    }
}
