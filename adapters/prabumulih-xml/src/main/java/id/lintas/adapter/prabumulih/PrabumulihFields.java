package id.lintas.adapter.prabumulih;

import java.util.Set;

/** Prabumulih's own element, attribute and code list names, as FORMAT.md version 2 spells them. */
final class PrabumulihFields {

    /** The participant id under which Prabumulih's code lists are named in the ConceptMaps. */
    static final String REGION = "prabumulih";

    static final String NAMESPACE = "urn:prabumulih:satulayanan:kasus:2";

    /** The field name used when the document as a whole is at fault (XPath's document node). */
    static final String DOCUMENT = "/";

    static final String KASUS = "kasus";
    static final String STATUS_RUJUKAN = "status_rujukan";

    static final String UUID = "uuid";
    static final String NO_REG = "no_reg";
    static final String VERSI = "versi";
    static final String ID_RUJUKAN_HUB = "id_rujukan_hub";
    static final String ASAL = "asal";
    static final String INSTANSI = "instansi";
    static final String JENIS_RUJUKAN = "jenis_rujukan";
    static final String TANGGAL_PELAPORAN = "tanggal_pelaporan";
    static final String MEDIA_PENGADUAN = "media_pengaduan";
    static final String PRIORITAS = "prioritas";
    static final String KATEGORI_KASUS = "kategori_kasus";
    static final String KLIEN = "klien";
    static final String TERLAPOR = "terlapor";
    static final String KEJADIAN = "kejadian";
    static final String LAYANAN_DIMINTA = "layanan_diminta";
    static final String LAYANAN = "layanan";
    static final String RUJUKAN = "rujukan";
    static final String TUJUAN_KOTKAB = "tujuan_kotkab";
    static final String ALASAN = "alasan";
    static final String PERSETUJUAN = "persetujuan";
    static final String DIBERIKAN = "diberikan";
    static final String OLEH = "oleh";
    static final String TANGGAL = "tanggal";
    static final String PETUGAS = "petugas";
    static final String NIP = "nip";
    static final String UNIT = "unit";

    static final String NAMA = "nama";
    static final String NIK = "nik";
    static final String JENIS_KELAMIN = "jenis_kelamin";
    static final String TANGGAL_LAHIR = "tanggal_lahir";
    static final String UMUR = "umur";
    static final String PENDIDIKAN = "pendidikan";
    static final String DISABILITAS = "disabilitas";
    static final String KEWARGANEGARAAN = "kewarganegaraan";
    static final String NO_TELP = "no_telp";
    static final String ALAMAT = "alamat";
    static final String KOTKAB = "kotkab";
    static final String KECAMATAN = "kecamatan";

    static final String HUBUNGAN = "hubungan";

    static final String KATEGORI_LOKASI = "kategori_lokasi";
    static final String JENIS_KEKERASAN = "jenis_kekerasan";
    static final String KODE = "kode";
    static final String RINGKASAN = "ringkasan";

    static final String STATUS = "status";
    static final String WAKTU = "waktu";
    static final String CATATAN = "catatan";

    /** Elements that may repeat; their paths carry a 1-based position ({@code /kasus/klien[1]}). */
    static final Set<String> REPEATING = Set.of(KLIEN, TERLAPOR, JENIS_KEKERASAN, LAYANAN);

    /** Code list names: the last segment of {@code Canonical.regionCodeList("prabumulih", list)}. */
    static final String LIST_JENIS_RUJUKAN = "jenis_rujukan";

    static final String LIST_MEDIA_PENGADUAN = "media_pengaduan";
    static final String LIST_PRIORITAS = "prioritas";
    static final String LIST_JENIS_KELAMIN = "jenis_kelamin";
    static final String LIST_PENDIDIKAN = "pendidikan";
    static final String LIST_DISABILITAS = "disabilitas";
    static final String LIST_HUBUNGAN = "hubungan";
    static final String LIST_KATEGORI_LOKASI = "kategori_lokasi";
    static final String LIST_JENIS_KEKERASAN = "jenis_kekerasan";
    static final String LIST_LAYANAN = "layanan";
    static final String LIST_PERSETUJUAN_OLEH = "persetujuan_oleh";
    static final String LIST_STATUS = "status";

    static final String WNI = "WNI";
    static final String WNA = "WNA";

    /** Prabumulih's receiving endpoints, relative to the base URL configured per installation. */
    static final String PATH_REFERRAL = "/satulayanan/api/v2/rujukan";

    static final String PATH_STATUS = "/satulayanan/api/v2/status";
    static final String MEDIA_TYPE = "application/xml";

    /** FHIR's system for identifiers that are URIs; Prabumulih's case uuid is kept as {@code urn:uuid:...}. */
    static final String URI_IDENTIFIER = "urn:ietf:rfc:3986";

    static final String URN_UUID = "urn:uuid:";

    /** The schema in {@code lintas-contracts}, on the class path. */
    static final String SCHEMA_RESOURCE = "xsd/prabumulih-kasus-2.xsd";

    private PrabumulihFields() {}
}
