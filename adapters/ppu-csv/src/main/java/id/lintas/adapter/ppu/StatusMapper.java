package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.mapping.ReferralStatuses;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FileBatch;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.ReferralStatus;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.terminology.Terminology;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;

/** {@code STATUS} rows to status changes, and a status change to a {@code STATUS_MASUK} row. Stateless. */
final class StatusMapper {

    private final Terminology terminology;
    private final RegionTable regions;

    StatusMapper(Terminology terminology, RegionTable regions) {
        this.terminology = terminology;
        this.regions = regions;
    }

    /** Each row is its own item: a status change stands alone. */
    List<FileBatch.Item> read(CsvText.Table table, Participant sender) {
        List<FileBatch.Item> items = new ArrayList<>();
        for (CsvText.Row row : table.rows()) {
            CellReader in = new CellReader(row, STATUS_LAYOUT, terminology, regions);
            String noRegistrasi = in.text(NO_REGISTRASI);
            // Any non-empty id is taken: whether it names a referral is the hub's question, not the format's.
            String hubId = in.required(ID_RUJUKAN_HUB);
            Coding coding = in.code(LIST_STATUS, STATUS, true);
            ReferralStatus status = coding == null ? null : status(coding);
            LocalDate date = in.date(TANGGAL, true);
            LocalTime time = in.time(JAM);
            String note = in.text(CATATAN);
            if (status == ReferralStatus.REJECTED && note == null) {
                in.error(CATATAN, "is empty: Ditolak needs the reason in Catatan");
            }
            if (in.errors().isEmpty()) {
                Instant at = date.atTime(time).atZone(sender.zone()).toInstant();
                items.add(FileBatch.Item.ok(
                        List.of(row.number()), noRegistrasi, new StatusChange(hubId, noRegistrasi, status, note, at)));
            } else {
                items.add(FileBatch.Item.refused(List.of(row.number()), noRegistrasi, in.errors()));
            }
        }
        return items;
    }

    private static ReferralStatus status(Coding taskStatus) {
        return Arrays.stream(ReferralStatus.values())
                .filter(s -> s.taskStatus().toCode().equals(taskStatus.getCode()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "ConceptMap ppu status maps to unknown task status " + taskStatus.getCode()));
    }

    /** One {@code STATUS_MASUK} row, times in the recipient's zone. */
    List<String> render(StatusChange change, Rendering out) {
        Rendering.Cells cells = new Rendering.Cells();
        cells.put(NO_REGISTRASI, change.sourceReference());
        cells.put(ID_RUJUKAN_HUB, change.hubReferralId());
        cells.put(STATUS, out.code(LIST_STATUS, ReferralStatuses.taskStatus(change.status()), STATUS));
        var at = change.at().atZone(out.zone());
        cells.put(TANGGAL, CellReader.DATE.format(at));
        cells.put(JAM, CellReader.TIME.format(at));
        cells.put(CATATAN, change.note());
        return cells.in(STATUS_LAYOUT);
    }
}
