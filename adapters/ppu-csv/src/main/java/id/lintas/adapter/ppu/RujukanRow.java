package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;

/**
 * One row of a {@code RUJUKAN} file, read and checked: one victim of a case, with the case's own
 * columns repeated. A row either has all its values or its errors.
 */
record RujukanRow(
        int number,
        String noRegistrasi,
        Referral referral,
        Victim victim,
        Incident incident,
        Perpetrator perpetrator,
        Consent consent,
        List<FieldError> errors) {

    /** The case-level columns; every row of a case must repeat them alike. */
    record Referral(
            Coding kind,
            ZonedDateTime reportedAt,
            Coding urgency,
            List<Coding> services,
            Region destination,
            String chronology,
            String officer) {}

    record Victim(
            String name,
            String nik,
            Coding gender,
            LocalDate birthDate,
            Integer age,
            Coding education,
            List<Coding> disabilities,
            String address,
            Region domicile) {}

    record Incident(List<Coding> forms, Coding place, Region region, LocalDate date) {}

    /** Null on a row that names no perpetrator at all. */
    record Perpetrator(String name, Coding gender, Integer age, Coding relationship) {
        /** Identity for de-duplication: the same person typed on every row of a case. */
        String key() {
            return String.join(
                    "|",
                    Objects.toString(name, ""),
                    gender == null ? "" : gender.getCode(),
                    Objects.toString(age, ""),
                    relationship == null ? "" : relationship.getCode());
        }
    }

    record Consent(boolean permitted, Coding giver) {}

    boolean ok() {
        return errors.isEmpty();
    }

    private static final Pattern NIK = Pattern.compile("\\d{16}");

    /** Reads one row; every problem found becomes a field error naming its column. */
    static RujukanRow read(CsvText.Row row, ZoneId zone, Terminology terminology, RegionTable regions) {
        CellReader in = new CellReader(row, RUJUKAN_LAYOUT, terminology, regions);
        String noRegistrasi = in.required(NO_REGISTRASI);

        Coding kind = in.code(LIST_JENIS_RUJUKAN, JENIS_RUJUKAN, true);
        LocalDate reportDate = in.date(TGL_LAPOR, true);
        LocalTime reportTime = in.time(JAM_LAPOR);
        ZonedDateTime reportedAt = reportDate == null || reportTime == null
                ? null
                : reportDate.atTime(reportTime).atZone(zone);
        Coding urgency = in.code(LIST_URGENSI, URGENSI, true);
        List<Coding> services = in.codes(LIST_LAYANAN, LAYANAN_DIBUTUHKAN, true);
        Region destination = in.region(KAB_KOTA_TUJUAN);
        Referral referral =
                new Referral(kind, reportedAt, urgency, services, destination, in.text(KRONOLOGI), in.text(PETUGAS));

        String nik = in.text(NIK_KORBAN);
        if (nik != null && !NIK.matcher(nik).matches()) {
            // The value is identifying: say what is wrong with it, never what it is.
            in.error(
                    NIK_KORBAN,
                    "is not 16 digits (a spreadsheet may have turned it into a number; format the column as text)");
        }
        LocalDate birthDate = in.date(TGL_LAHIR_KORBAN, false);
        if (birthDate != null && reportDate != null && birthDate.isAfter(reportDate)) {
            in.error(TGL_LAHIR_KORBAN, "is after Tgl Lapor");
        }
        Victim victim = new Victim(
                in.text(NAMA_KORBAN),
                nik,
                in.code(LIST_JENIS_KELAMIN, JK_KORBAN, false),
                birthDate,
                in.years(UMUR_KORBAN),
                in.code(LIST_PENDIDIKAN, PENDIDIKAN_KORBAN, false),
                disabilities(in),
                in.text(ALAMAT_KORBAN),
                in.region(KAB_KOTA_DOMISILI));

        LocalDate incidentDate = in.date(TGL_KEJADIAN, false);
        if (incidentDate != null && reportDate != null && incidentDate.isAfter(reportDate)) {
            in.error(TGL_KEJADIAN, "is after Tgl Lapor");
        }
        Incident incident = new Incident(
                in.codes(LIST_BENTUK_KEKERASAN, BENTUK_KEKERASAN, true),
                in.code(LIST_TEMPAT_KEJADIAN, TEMPAT_KEJADIAN, false),
                in.region(KAB_KOTA_KEJADIAN),
                incidentDate);

        Perpetrator perpetrator = new Perpetrator(
                in.text(NAMA_PELAKU),
                in.code(LIST_JENIS_KELAMIN, JK_PELAKU, false),
                in.years(UMUR_PELAKU),
                in.code(LIST_HUBUNGAN_PELAKU, HUBUNGAN_PELAKU, false));
        if (in.text(NAMA_PELAKU) == null
                && in.text(JK_PELAKU) == null
                && in.text(UMUR_PELAKU) == null
                && in.text(HUBUNGAN_PELAKU) == null) {
            perpetrator = null;
        }

        Boolean permitted = in.yesNo(PERSETUJUAN);
        Coding giver = in.code(LIST_PEMBERI_PERSETUJUAN, PEMBERI_PERSETUJUAN, true);
        Consent consent = permitted == null ? null : new Consent(permitted, giver);

        return new RujukanRow(
                row.number(), noRegistrasi, referral, victim, incident, perpetrator, consent, in.errors());
    }

    /** {@code Tidak} means no disability; otherwise one kind ({@code Ganda} for several). */
    private static List<Coding> disabilities(CellReader in) {
        String value = in.text(DISABILITAS);
        if (value == null || value.equalsIgnoreCase(TIDAK)) {
            return List.of();
        }
        Coding kind = in.code(LIST_DISABILITAS, DISABILITAS, false);
        return kind == null ? List.of() : List.of(kind);
    }
}
