package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.model.Perpetrator;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.spi.OutboundReferral;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A referral, as the typed model the hub hands over, as {@code RUJUKAN_MASUK} rows: one row per victim, the case's columns repeated on each. Whatever the referral lacks (the hub
 * removes what an agreement does not let PPU see) is an empty cell. Stateless.
 */
final class ReferralRenderer {

    private final TaskMapper tasks = new TaskMapper();
    private final ServiceRequestMapper services = new ServiceRequestMapper();
    private final PatientMapper patients = new PatientMapper();
    private final ConditionMapper conditions = new ConditionMapper();
    private final PerpetratorMapper perpetrators = new PerpetratorMapper();
    private final ConsentMapper consents = new ConsentMapper();

    List<List<String>> render(OutboundReferral outbound, Rendering out) {
        Referral referral = outbound.referral();

        Rendering.Cells shared = new Rendering.Cells();
        tasks.render(referral, out, shared);
        services.render(referral.services(), out, shared);
        shared.put(ID_RUJUKAN_HUB, outbound.hubReferralId());
        shared.put(ASAL_KAB_KOTA, origin(outbound, out));

        List<Victim> victims = referral.victims();
        List<Perpetrator> perpetratorList = referral.perpetrators();
        List<Rendering.Cells> rows = new ArrayList<>();
        int rowCount = Math.max(1, victims.size());
        for (int i = 0; i < rowCount; i++) {
            Rendering.Cells cells = shared.copy();
            cells.put(NO, String.valueOf(i + 1));
            if (i < victims.size()) {
                Victim victim = victims.get(i);
                patients.render(victim, i + 1, out, cells);
                conditions.render(victim.incidentIn(referral), i + 1, out, cells);
                if (victim.consent() != null) {
                    consents.render(victim.consent(), out, cells);
                }
            }
            perpetrator(perpetratorList, i).ifPresent(p -> perpetrators.render(p, out, cells));
            rows.add(cells);
        }
        // PPU's application holds one perpetrator per victim row; the others go into the chronology, not away.
        for (int p = rowCount; p < perpetratorList.size(); p++) {
            out.note(perpetrators.describe(perpetratorList.get(p), p + 1, out));
        }
        List<String> notes = out.notes();
        return rows.stream()
                .map(cells -> withNotes(cells, notes).in(RUJUKAN_MASUK_LAYOUT))
                .toList();
    }

    /**
     * One perpetrator: on every row. As many as the rows or fewer: one per row, in order. More: one per
     * row, the rest in the notes.
     */
    private static Optional<Perpetrator> perpetrator(List<Perpetrator> all, int row) {
        if (all.size() == 1) {
            return Optional.of(all.get(0));
        }
        return row < all.size() ? Optional.of(all.get(row)) : Optional.empty();
    }

    private static Rendering.Cells withNotes(Rendering.Cells cells, List<String> notes) {
        if (notes.isEmpty()) {
            return cells;
        }
        String block = "Catatan Lintas (data tanpa kolom di format PPU / data PPU's columns cannot hold):\n- "
                + String.join("\n- ", notes);
        String chronology = cells.get(KRONOLOGI);
        cells.put(KRONOLOGI, chronology == null ? block : chronology + "\n\n" + block);
        return cells;
    }

    private static String origin(OutboundReferral referral, Rendering out) {
        String code = referral.sender().regionKemendagri();
        Optional<Region> region = out.region(code);
        if (region.isEmpty()) {
            out.error(ASAL_KAB_KOTA, "sender region '" + code + "' is not in the Kemendagri region table");
            return null;
        }
        return region.get().name();
    }
}
