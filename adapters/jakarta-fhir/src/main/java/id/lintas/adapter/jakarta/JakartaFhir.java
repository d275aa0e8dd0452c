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

    /** Standard FHIR / HL7 systems. */
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    static final String CONSENT_SCOPE_PRIVACY = "patient-privacy";
    static final String LOINC = "http://loinc.org";
    static final String LOINC_PRIVACY_CONSENT = "59284-0";
    static final String V3_ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    static final String ROLE_PARENT = "PRN";
    static final String ROLE_GUARDIAN = "GUARD";
    static final String DISTRICT = "district";

    private JakartaFhir() {}
}
