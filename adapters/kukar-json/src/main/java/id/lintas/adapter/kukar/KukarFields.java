package id.lintas.adapter.kukar;

/** Kukar's own field names and code list names, as FORMAT.md spells them. */
final class KukarFields {

    /** The participant id under which Kukar's code lists are named in the ConceptMaps. */
    static final String REGION = "kukar";

    /** The field name used when the message as a whole is at fault. */
    static final String ROOT = "$";

    static final String ID_RUJUKAN_HUB = "id_rujukan_hub";
    static final String NO_REGISTRASI = "no_registrasi";
    static final String REVISI = "revisi";
    static final String JENIS_RUJUKAN = "jenis_rujukan";
    static final String TGL_LAPOR = "tgl_lapor";
    static final String MEDIA_PENGADUAN = "media_pengaduan";
    static final String URGENSI = "urgensi";
    static final String KORBAN = "korban";
    static final String PELAKU = "pelaku";
    static final String KEJADIAN = "kejadian";
    static final String BENTUK_KEKERASAN = "bentuk_kekerasan";
    static final String LAYANAN_DIMINTA = "layanan_diminta";
    static final String TUJUAN = "tujuan";
    static final String PERSETUJUAN = "persetujuan";
    static final String PETUGAS = "petugas";
    static final String ASAL = "asal";

    static final String NAMA = "nama";
    static final String NIK = "nik";
    static final String JENIS_KELAMIN = "jenis_kelamin";
    static final String TGL_LAHIR = "tgl_lahir";
    static final String USIA = "usia";
    static final String PENDIDIKAN = "pendidikan";
    static final String PEKERJAAN = "pekerjaan";
    static final String DISABILITAS = "disabilitas";
    static final String JENIS_DISABILITAS = "jenis_disabilitas";
    static final String KEWARGANEGARAAN = "kewarganegaraan";
    static final String NO_HP = "no_hp";
    static final String ALAMAT = "alamat";
    static final String JALAN = "jalan";
    static final String KODE_WILAYAH = "kode_wilayah";

    static final String JK = "jk";
    static final String HUBUNGAN = "hubungan";

    static final String TGL_KEJADIAN = "tgl_kejadian";
    static final String TEMPAT = "tempat";
    static final String KRONOLOGI = "kronologi";

    static final String BERBAGI_DATA = "berbagi_data";
    static final String DIBERIKAN_OLEH = "diberikan_oleh";
    static final String TGL = "tgl";
    static final String DASAR_HUKUM = "dasar_hukum";

    static final String NIP = "nip";
    static final String TELP = "telp";
    static final String INSTANSI = "instansi";

    static final String STATUS = "status";
    static final String CATATAN = "catatan";
    static final String WAKTU = "waktu";

    /** Code list names: the last segment of {@code Canonical.regionCodeList("kukar", list)}. */
    static final String LIST_JENIS_RUJUKAN = "jenis_rujukan";

    static final String LIST_MEDIA_PENGADUAN = "media_pengaduan";
    static final String LIST_URGENSI = "urgensi";
    static final String LIST_JENIS_KELAMIN = "jenis_kelamin";
    static final String LIST_PENDIDIKAN = "pendidikan";
    static final String LIST_JENIS_DISABILITAS = "jenis_disabilitas";
    static final String LIST_HUBUNGAN = "hubungan";
    static final String LIST_TEMPAT = "tempat";
    static final String LIST_BENTUK_KEKERASAN = "bentuk_kekerasan";
    static final String LIST_LAYANAN = "layanan";
    static final String LIST_DIBERIKAN_OLEH = "diberikan_oleh";
    static final String LIST_DASAR_HUKUM = "dasar_hukum";
    static final String LIST_STATUS = "status";

    static final String YA = "Ya";
    static final String TIDAK = "Tidak";
    static final String WNI = "WNI";
    static final String WNA = "WNA";

    /** Kukar's receiving endpoints, relative to the base URL configured per installation. */
    static final String PATH_REFERRAL = "/api/rujukan-masuk";

    static final String PATH_STATUS_PREFIX = "/api/rujukan/";
    static final String PATH_STATUS_SUFFIX = "/status";
    static final String MEDIA_TYPE = "application/json";

    private KukarFields() {}
}
