package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.FileBatch;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.terminology.Terminology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;

/**
 * Turns the rows of a {@code RUJUKAN} file into one item per case. Rows sharing a {@code No Registrasi}
 * are one case; a case is accepted only when all its rows are, so it never arrives with a victim
 * missing. Stateless.
 */
final class RujukanReader {

    private final Terminology terminology;
    private final RegionTable regions;
    private final ReferralMapper referrals;

    RujukanReader(Terminology terminology, RegionTable regions) {
        this.terminology = terminology;
        this.regions = regions;
        this.referrals = new ReferralMapper(terminology, regions);
    }

    List<FileBatch.Item> read(CsvText.Table table, Participant sender) {
        List<FileBatch.Item> items = new ArrayList<>();
        Map<String, List<RujukanRow>> cases = new LinkedHashMap<>();
        for (CsvText.Row csvRow : table.rows()) {
            RujukanRow row = RujukanRow.read(csvRow, sender.zone(), terminology, regions);
            if (row.noRegistrasi() == null) {
                // Without a case number the row cannot be grouped; it is refused alone.
                items.add(FileBatch.Item.refused(List.of(row.number()), null, row.errors()));
            } else {
                cases.computeIfAbsent(row.noRegistrasi(), k -> new ArrayList<>())
                        .add(row);
            }
        }
        cases.forEach((noRegistrasi, rows) -> items.add(item(noRegistrasi, rows, sender)));
        items.sort((a, b) -> Integer.compare(a.rows().get(0), b.rows().get(0)));
        return items;
    }

    private FileBatch.Item item(String noRegistrasi, List<RujukanRow> rows, Participant sender) {
        List<Integer> numbers = rows.stream().map(RujukanRow::number).toList();
        List<FieldError> errors = new ArrayList<>();
        boolean several = rows.size() > 1;
        for (RujukanRow row : rows) {
            row.errors().forEach(e -> errors.add(several ? atRow(row, e) : e));
        }
        if (errors.isEmpty()) {
            errors.addAll(consistency(rows));
        }
        if (errors.isEmpty()) {
            return FileBatch.Item.ok(numbers, noRegistrasi, referrals.toReferral(noRegistrasi, rows, sender));
        }
        if (several) {
            String bad = rows.stream()
                    .filter(r -> !r.ok())
                    .map(r -> String.valueOf(r.number()))
                    .collect(Collectors.joining(", "));
            errors.add(new FieldError(
                    NO_REGISTRASI,
                    "the whole case (rows "
                            + numbers.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + ") is refused because of " + (bad.isEmpty() ? "the differences above" : "row(s) " + bad)
                            + ", so that it never arrives with a victim missing; send all its rows again"));
        }
        return FileBatch.Item.refused(numbers, noRegistrasi, errors);
    }

    private static FieldError atRow(RujukanRow row, FieldError error) {
        return new FieldError(error.field(), "row " + row.number() + ": " + error.reason());
    }

    /**
     * The case-level columns must be alike on every row; the values are compared as read (so
     * {@code PPU} and {@code Penajam Paser Utara} agree) and never quoted, as Kronologi holds names.
     * Layanan Dibutuhkan may differ: the case requests every service any of its victims needs.
     */
    private static List<FieldError> consistency(List<RujukanRow> rows) {
        List<FieldError> errors = new ArrayList<>();
        RujukanRow first = rows.get(0);
        Map<String, Function<RujukanRow.Referral, Object>> columns = new LinkedHashMap<>();
        columns.put(JENIS_RUJUKAN, r -> code(r.kind()));
        columns.put(TGL_LAPOR, r -> r.reportedAt().toLocalDate());
        columns.put(JAM_LAPOR, r -> r.reportedAt().toLocalTime());
        columns.put(URGENSI, r -> code(r.urgency()));
        columns.put(
                KAB_KOTA_TUJUAN,
                r -> r.destination() == null ? null : r.destination().kemendagri());
        columns.put(KRONOLOGI, RujukanRow.Referral::chronology);
        columns.put(PETUGAS, RujukanRow.Referral::officer);
        Map<String, Integer> niks = new HashMap<>();
        for (RujukanRow row : rows) {
            columns.forEach((column, value) -> {
                if (!Objects.equals(value.apply(first.referral()), value.apply(row.referral()))) {
                    errors.add(new FieldError(
                            column,
                            "row " + row.number() + " differs from row " + first.number()
                                    + " of the same case; a case's " + column
                                    + " must be the same on each of its rows"));
                }
            });
            if (row.victim().nik() != null) {
                Integer earlier = niks.putIfAbsent(row.victim().nik(), row.number());
                if (earlier != null) {
                    errors.add(new FieldError(
                            NIK_KORBAN,
                            "row " + row.number() + " has the same NIK as row " + earlier
                                    + ": a victim has one row per case"));
                }
            }
        }
        return errors;
    }

    private static String code(Coding coding) {
        return coding == null ? null : coding.getCode();
    }
}
