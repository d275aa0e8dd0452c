package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.region.Region;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;

/**
 * The incident columns ({@code Bentuk Kekerasan}, {@code Tempat Kejadian}, {@code Kab/Kota Kejadian},
 * {@code Tgl Kejadian}) to and from the typed incident. The typed model has one incident per case: the
 * forms of every victim's row, and the place, region and date of the first row that has each.
 */
final class ConditionMapper {

    private static final String SEXUAL = "SEKSUAL";
    private static final String HOUSEHOLD = "RUMAH_TANGGA";

    /** @param rows the incident columns of each victim's row, in row order */
    Incident toIncident(List<RujukanRow.Incident> rows) {
        Set<String> forms = new LinkedHashSet<>();
        rows.forEach(r -> r.forms().forEach(f -> forms.add(f.getCode())));
        if (forms.isEmpty()) {
            return null;
        }
        return new Incident(
                List.copyOf(forms),
                rows.stream().map(RujukanRow.Incident::date).filter(Objects::nonNull).findFirst()
                        .map(PartialDateTime::of).orElse(null),
                rows.stream().map(RujukanRow.Incident::region).filter(Objects::nonNull).findFirst().orElse(null),
                rows.stream().map(RujukanRow.Incident::place).filter(Objects::nonNull).findFirst()
                        .map(Coding::getCode).orElse(null));
    }

    /** Sexual violence or violence at home: the victim's record carries the SDV security label. */
    static boolean sensitive(RujukanRow.Incident incident) {
        return incident.forms().stream().anyMatch(f -> SEXUAL.equals(f.getCode()))
                || (incident.place() != null && HOUSEHOLD.equals(incident.place().getCode()));
    }

    /** The incident cells of one victim's row. */
    void render(Incident incident, int victimNumber, Rendering out, Rendering.Cells cells) {
        if (incident == null) {
            return;
        }
        cells.put(
                BENTUK_KEKERASAN,
                incident.forms().stream()
                        .map(form -> out.code(LIST_BENTUK_KEKERASAN, Canonical.CS_VIOLENCE_FORM, form, BENTUK_KEKERASAN))
                        .filter(Objects::nonNull)
                        .distinct()
                        .collect(Collectors.joining(", ")));
        cells.put(TEMPAT_KEJADIAN, out.code(LIST_TEMPAT_KEJADIAN, Canonical.CS_INCIDENT_PLACE, incident.place(), TEMPAT_KEJADIAN));
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
