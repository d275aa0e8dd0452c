package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.region.Region;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;

/**
 * The incident columns ({@code Bentuk Kekerasan}, {@code Tempat Kejadian}, {@code Kab/Kota Kejadian},
 * {@code Tgl Kejadian}) to and from the typed incident, one per victim's row: the first row's is the
 * referral's, a victim whose row says otherwise keeps its own.
 */
final class ConditionMapper {

    private static final String SEXUAL = "SEKSUAL";
    private static final String HOUSEHOLD = "RUMAH_TANGGA";

    /** One victim's incident; null when the row names no form of violence. */
    Incident toIncident(RujukanRow.Incident row) {
        if (row.forms().isEmpty()) {
            return null;
        }
        return new Incident(
                row.forms().stream().map(Coding::getCode).toList(),
                row.date() == null ? null : PartialDateTime.of(row.date()),
                row.region(),
                row.place() == null ? null : row.place().getCode());
    }

    /** Sexual violence or violence at home: the victim's record carries the SDV security label. */
    static boolean sensitive(RujukanRow.Incident incident) {
        return incident.forms().stream().anyMatch(f -> SEXUAL.equals(f.getCode()))
                || (incident.place() != null
                        && HOUSEHOLD.equals(incident.place().getCode()));
    }

    /** The incident cells of one victim's row. */
    void render(Incident incident, int victimNumber, Rendering out, Rendering.Cells cells) {
        if (incident == null) {
            return;
        }
        cells.put(
                BENTUK_KEKERASAN,
                incident.forms().stream()
                        .map(form ->
                                out.code(LIST_BENTUK_KEKERASAN, Canonical.CS_VIOLENCE_FORM, form, BENTUK_KEKERASAN))
                        .filter(Objects::nonNull)
                        .distinct()
                        .collect(Collectors.joining(", ")));
        cells.put(
                TEMPAT_KEJADIAN,
                out.code(LIST_TEMPAT_KEJADIAN, Canonical.CS_INCIDENT_PLACE, incident.place(), TEMPAT_KEJADIAN));
        Region region = incident.region();
        cells.put(KAB_KOTA_KEJADIAN, out.regionName(region, KAB_KOTA_KEJADIAN));
        PartialDateTime onset = incident.onset();
        if (onset != null) {
            String date = Rendering.calendarDate(onset);
            cells.put(TGL_KEJADIAN, date);
            if (date == null) {
                out.note("Korban " + victimNumber
                        + ": Tgl Kejadian hanya diketahui sebagian / incident date known only in part: " + onset);
            }
        }
    }
}
