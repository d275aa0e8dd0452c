package id.lintas.contracts.canonical;

/** System and definition URLs of the canonical model (see docs/canonical-model.md). */
public final class Canonical {

    public static final String BASE = "https://fhir.lintas.or.id";

    public static final String CS = BASE + "/CodeSystem/";
    public static final String SD = BASE + "/StructureDefinition/";

    public static final String CS_VIOLENCE_FORM = CS + "violence-form";
    public static final String CS_SERVICE = CS + "service";
    public static final String CS_RELATIONSHIP = CS + "relationship";
    public static final String CS_INCIDENT_PLACE = CS + "incident-place";
    public static final String CS_INTAKE_CHANNEL = CS + "intake-channel";
    public static final String CS_URGENCY = CS + "urgency";
    public static final String CS_DISABILITY = CS + "disability";
    public static final String CS_EDUCATION = CS + "education";
    public static final String CS_REFERRAL_KIND = CS + "referral-kind";
    public static final String CS_CONSENT_GIVER = CS + "consent-giver";
    public static final String CS_LAWFUL_BASIS = CS + "lawful-basis";
    public static final String CS_PERSON_ROLE = CS + "person-role";
    public static final String CS_TASK_INPUT = CS + "task-input";
    public static final String CS_CONDITION_CATEGORY = CS + "condition-category";
    public static final String CS_REGION = CS + "kemendagri-region";

    public static final String EXT_REVISION = SD + "revision";
    public static final String EXT_URGENCY = SD + "urgency";
    public static final String EXT_INTAKE_CHANNEL = SD + "intake-channel";
    public static final String EXT_REPORTING_REGION = SD + "reporting-region";
    public static final String EXT_REQUESTED_DESTINATION = SD + "requested-destination";
    public static final String EXT_AGE = SD + "age";
    public static final String EXT_EDUCATION = SD + "education";
    public static final String EXT_DISABILITY = SD + "disability";
    public static final String EXT_OCCUPATION = SD + "occupation";
    public static final String EXT_INCIDENT_REGION = SD + "incident-region";
    public static final String EXT_INCIDENT_PLACE = SD + "incident-place";

    public static final String PROFILE_REFERRAL = SD + "lintas-referral";
    public static final String PROFILE_SERVICE_REQUEST = SD + "lintas-service-request";
    public static final String PROFILE_VICTIM = SD + "lintas-victim";
    public static final String PROFILE_VIOLENCE = SD + "lintas-violence";
    public static final String PROFILE_PERPETRATOR = SD + "lintas-perpetrator";
    public static final String PROFILE_CONSENT_GIVER = SD + "lintas-consent-giver";
    public static final String PROFILE_CONSENT = SD + "lintas-consent";

    public static final String SID_PARTICIPANT = BASE + "/sid/participant";
    public static final String SID_SOURCE_CASE_PREFIX = BASE + "/sid/source-case/";
    public static final String SID_NIP = BASE + "/sid/nip";

    /** SATUSEHAT (Ministry of Health) conventions. */
    public static final String SID_NIK = "https://fhir.kemkes.go.id/id/nik";

    public static final String EXT_ADMINISTRATIVE_CODE =
            "https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode";
    public static final String EXT_CITIZENSHIP = "https://fhir.kemkes.go.id/r4/StructureDefinition/citizenshipStatus";

    public static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String SENSITIVITY_SDV = "SDV";

    public static final String SENSITIVITY_SDV_DISPLAY = "sexual and domestic violence related information sensitivity";

    /** FHIR and LOINC codes every canonical Bundle (and Jakarta's documents) use. */
    public static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";

    public static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public static final String CONDITION_CATEGORY_VIOLENCE = "KEKERASAN";
    public static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    public static final String CONSENT_SCOPE_PRIVACY = "patient-privacy";
    public static final String CONSENT_SCOPE_PRIVACY_DISPLAY = "Privacy Consent";
    public static final String LOINC = "http://loinc.org";
    public static final String LOINC_PRIVACY_CONSENT = "59284-0";
    public static final String LOINC_PRIVACY_CONSENT_DISPLAY = "Consent Document";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String UCUM_YEAR = "a";
    public static final String UCUM_MONTH = "mo";

    public static final String TASK_INPUT_VICTIM = "VICTIM";
    public static final String TASK_INPUT_OFFICER = "OFFICER";
    public static final String ROLE_PERPETRATOR = "PELAKU";
    public static final String ROLE_CONSENT_GIVER = "PEMBERI_PERSETUJUAN";

    private Canonical() {}

    /** Identifier system of a participant's own case numbers. */
    public static String sourceCaseSystem(String participantId) {
        return SID_SOURCE_CASE_PREFIX + participantId;
    }

    /** System URL of one of a region's own code lists, as used in its ConceptMaps. */
    public static String regionCodeList(String region, String list) {
        return BASE + "/region/" + region + "/" + list;
    }
}
