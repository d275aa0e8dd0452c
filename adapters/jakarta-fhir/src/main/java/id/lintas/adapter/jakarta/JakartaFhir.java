package id.lintas.adapter.jakarta;

/** Jakarta's systems and URLs (FORMAT.md version 1) and the names of its code lists in the ConceptMaps. */
final class JakartaFhir {

    static final String BASE = "https://uptdppa.jakarta.go.id/fhir";
    static final String CS = BASE + "/CodeSystem/";
    static final String CS_EVENT = CS + "event";
    static final String CS_JENIS_RUJUKAN = CS + "jenis-rujukan";
    static final String CS_LAYANAN = CS + "layanan";
    static final String CS_JENIS_KEKERASAN = CS + "jenis-kekerasan";
    static final String CS_HUBUNGAN = CS + "hubungan";
    static final String SID_KASUS = BASE + "/id/kasus";
    static final String EXT_LOKASI_KEJADIAN = BASE + "/StructureDefinition/lokasi-kejadian";
    static final String EXT_PERAN = BASE + "/StructureDefinition/peran";
    static final String PERAN_TERLAPOR = "terlapor";

    static final String EVENT_REFERRAL = "rujukan-baru";
    static final String EVENT_STATUS = "status-rujukan";

    /** Kemendagri region codes without dots, in Organization identifiers. */
    static final String SID_KODE_WILAYAH = "https://kemendagri.go.id/kode-wilayah";
    /** The hub's referral id, as Jakarta echoes it in status changes. */
    static final String SID_REFERRAL = "urn:lintas:referral";

    static final String MEDIA_TYPE = "application/fhir+json";
    static final String TARGET_TRANSACTION = "";
    static final String TARGET_PROCESS_MESSAGE = "/$process-message";

    /** The region name of Jakarta's code lists in the ConceptMaps ({@code https://fhir.lintas.or.id/region/jakarta/<list>}). */
    static final String REGION = "jakarta";

    static final String LIST_JENIS_RUJUKAN = "jenis-rujukan";
    static final String LIST_PRIORITAS = "prioritas";
    static final String LIST_JENIS_KEKERASAN = "jenis-kekerasan";
    static final String LIST_LAYANAN = "layanan";
    static final String LIST_HUBUNGAN = "hubungan";

    /** SATUSEHAT's identifiers and extensions, which Jakarta's resources carry (FORMAT.md). */
    static final String SID_NIK = "https://fhir.kemkes.go.id/id/nik";

    static final String EXT_CITIZENSHIP = "https://fhir.kemkes.go.id/r4/StructureDefinition/citizenshipStatus";
    static final String EXT_ADMINISTRATIVE_CODE = "https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode";
    static final String PROVINCE = "province";
    static final String CITY = "city";
    static final String DISTRICT = "district";

    /** HL7 codes of Jakarta's consent givers and sensitivity label. */
    static final String V3_ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

    static final String ROLE_PARENT = "PRN";
    static final String ROLE_GUARDIAN = "GUARD";
    static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String SDV = "SDV";
    static final String SDV_DISPLAY = "sexual and domestic violence related information sensitivity";

    private JakartaFhir() {}
}
