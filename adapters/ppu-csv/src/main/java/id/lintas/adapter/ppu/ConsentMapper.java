package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.PartialDateTime;
import java.time.ZonedDateTime;

/**
 * The victim's consent to share ({@code Persetujuan}, {@code Pemberi Persetujuan}); one per victim.
 * {@code Korban} as the giver is the victim herself; anyone else is a consent giver without a name.
 */
final class ConsentMapper {

    /**
     * PPU records consent itself, never another lawful basis, so the basis is always consent. PPU has no
     * consent date: the report time stands for it, the moment PPU recorded the answer.
     */
    Consent toConsent(RujukanRow.Consent consent, ZonedDateTime recordedAt) {
        String giver = Consent.VICTIM.equals(consent.giver().getCode())
                ? null
                : consent.giver().getCode();
        return new Consent(
                consent.permitted(), Consent.CONSENT, giver, PartialDateTime.of(recordedAt.toOffsetDateTime()));
    }

    /**
     * The consent cells of a victim's row. PPU has no column for the lawful basis: a consent under a legal
     * obligation is written as the permit or refusal it records, and the basis stays with the hub.
     */
    void render(Consent consent, Rendering out, Rendering.Cells cells) {
        cells.put(PERSETUJUAN, consent.permit() ? YA : TIDAK);
        cells.put(
                PEMBERI_PERSETUJUAN,
                out.code(
                        LIST_PEMBERI_PERSETUJUAN,
                        Canonical.CS_CONSENT_GIVER,
                        consent.giverOrVictim(),
                        PEMBERI_PERSETUJUAN));
    }
}
