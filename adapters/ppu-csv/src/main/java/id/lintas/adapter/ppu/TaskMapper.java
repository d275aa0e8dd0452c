package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.model.Referral;

/** The referral's case-level cells of a RUJUKAN_MASUK row, the same on every row of the case. Stateless. */
final class TaskMapper {

    void render(Referral referral, Rendering out, Rendering.Cells cells) {
        cells.put(NO_REGISTRASI, referral.sourceCaseNumber());
        if (referral.kind() != null) {
            cells.put(
                    JENIS_RUJUKAN,
                    out.code(
                            LIST_JENIS_RUJUKAN,
                            Canonical.CS_REFERRAL_KIND,
                            referral.kind().name(),
                            JENIS_RUJUKAN));
        }
        if (referral.authoredOn() != null) {
            cells.put(TGL_LAPOR, out.date(referral.authoredOn()));
            cells.put(JAM_LAPOR, out.time(referral.authoredOn()));
        }
        if (referral.urgency() != null) {
            cells.put(
                    URGENSI,
                    out.code(
                            LIST_URGENSI,
                            Canonical.CS_URGENCY,
                            referral.urgency().name(),
                            URGENSI));
        }
        cells.put(KAB_KOTA_TUJUAN, out.regionName(referral.requestedDestination(), KAB_KOTA_TUJUAN));
        cells.put(KRONOLOGI, referral.chronology());
        if (referral.officer() != null) {
            cells.put(PETUGAS, referral.officer().name());
        }
    }
}
