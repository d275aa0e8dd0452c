package id.lintas.adapter.ppu;

import java.util.List;

/** Column names of PPU's CSV files exactly as FORMAT.md (version 1) publishes them, and its code lists. */
final class Columns {

    static final String NO = "No";
    static final String NO_REGISTRASI = "No Registrasi";
    static final String JENIS_RUJUKAN = "Jenis Rujukan";
    static final String TGL_LAPOR = "Tgl Lapor";
    static final String JAM_LAPOR = "Jam Lapor";
    static final String URGENSI = "Urgensi";
    static final String NAMA_KORBAN = "Nama Korban";
    static final String NIK_KORBAN = "NIK Korban";
    static final String JK_KORBAN = "JK Korban";
    static final String TGL_LAHIR_KORBAN = "Tgl Lahir Korban";
    static final String UMUR_KORBAN = "Umur Korban";
    static final String PENDIDIKAN_KORBAN = "Pendidikan Korban";
    static final String DISABILITAS = "Disabilitas";
    static final String ALAMAT_KORBAN = "Alamat Korban";
    static final String KAB_KOTA_DOMISILI = "Kab/Kota Domisili";
    static final String BENTUK_KEKERASAN = "Bentuk Kekerasan";
    static final String TEMPAT_KEJADIAN = "Tempat Kejadian";
    static final String KAB_KOTA_KEJADIAN = "Kab/Kota Kejadian";
    static final String TGL_KEJADIAN = "Tgl Kejadian";
    static final String NAMA_PELAKU = "Nama Pelaku";
    static final String JK_PELAKU = "JK Pelaku";
    static final String UMUR_PELAKU = "Umur Pelaku";
    static final String HUBUNGAN_PELAKU = "Hubungan Pelaku";
    static final String LAYANAN_DIBUTUHKAN = "Layanan Dibutuhkan";
    static final String KAB_KOTA_TUJUAN = "Kab/Kota Tujuan";
    static final String PERSETUJUAN = "Persetujuan";
    static final String PEMBERI_PERSETUJUAN = "Pemberi Persetujuan";
    static final String KRONOLOGI = "Kronologi";
    static final String PETUGAS = "Petugas";

    static final String ID_RUJUKAN_HUB = "ID Rujukan Hub";
    static final String ASAL_KAB_KOTA = "Asal Kab/Kota";

    static final String STATUS = "Status";
    static final String TANGGAL = "Tanggal";
    static final String JAM = "Jam";
    static final String CATATAN = "Catatan";

    static final String BARIS = "Baris";
    static final String HASIL = "Hasil";
    static final String PESAN = "Pesan";

    /** {@code RUJUKAN_*.csv}, in this order. */
    static final List<String> RUJUKAN_LAYOUT = List.of(
            NO,
            NO_REGISTRASI,
            JENIS_RUJUKAN,
            TGL_LAPOR,
            JAM_LAPOR,
            URGENSI,
            NAMA_KORBAN,
            NIK_KORBAN,
            JK_KORBAN,
            TGL_LAHIR_KORBAN,
            UMUR_KORBAN,
            PENDIDIKAN_KORBAN,
            DISABILITAS,
            ALAMAT_KORBAN,
            KAB_KOTA_DOMISILI,
            BENTUK_KEKERASAN,
            TEMPAT_KEJADIAN,
            KAB_KOTA_KEJADIAN,
            TGL_KEJADIAN,
            NAMA_PELAKU,
            JK_PELAKU,
            UMUR_PELAKU,
            HUBUNGAN_PELAKU,
            LAYANAN_DIBUTUHKAN,
            KAB_KOTA_TUJUAN,
            PERSETUJUAN,
            PEMBERI_PERSETUJUAN,
            KRONOLOGI,
            PETUGAS);

    /** {@code RUJUKAN_MASUK_*.csv}: the RUJUKAN columns, then the hub's id and the sender's region. */
    static final List<String> RUJUKAN_MASUK_LAYOUT = concat(RUJUKAN_LAYOUT, List.of(ID_RUJUKAN_HUB, ASAL_KAB_KOTA));

    /** {@code STATUS_*.csv} and {@code STATUS_MASUK_*.csv}. */
    static final List<String> STATUS_LAYOUT = List.of(NO_REGISTRASI, ID_RUJUKAN_HUB, STATUS, TANGGAL, JAM, CATATAN);

    /** {@code HASIL_*.csv}, the acknowledgement of a file read. */
    static final List<String> HASIL_LAYOUT = List.of(BARIS, NO_REGISTRASI, ID_RUJUKAN_HUB, HASIL, PESAN);

    /** PPU's code lists, as named in its ConceptMaps ({@code https://fhir.lintas.or.id/region/ppu/<list>}). */
    static final String REGION = "ppu";

    static final String LIST_JENIS_RUJUKAN = "jenis_rujukan";
    static final String LIST_URGENSI = "urgensi";
    static final String LIST_JENIS_KELAMIN = "jenis_kelamin";
    static final String LIST_PENDIDIKAN = "pendidikan";
    static final String LIST_DISABILITAS = "disabilitas";
    static final String LIST_BENTUK_KEKERASAN = "bentuk_kekerasan";
    static final String LIST_TEMPAT_KEJADIAN = "tempat_kejadian";
    static final String LIST_HUBUNGAN_PELAKU = "hubungan_pelaku";
    static final String LIST_LAYANAN = "layanan";
    static final String LIST_PEMBERI_PERSETUJUAN = "pemberi_persetujuan";
    static final String LIST_STATUS = "status";

    /** Words of PPU's layout that are not codes of any list. */
    static final String TIDAK = "Tidak";

    static final String YA = "Ya";

    private Columns() {}

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
