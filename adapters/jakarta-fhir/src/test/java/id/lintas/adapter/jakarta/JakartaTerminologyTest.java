package id.lintas.adapter.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jakarta's codes translate by the ConceptMaps, both ways; a code no map knows is an error naming field and code. */
class JakartaTerminologyTest {

    private static final Terminology TERMINOLOGY = Terminology.standard();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "jenis-kekerasan, KF, FISIK",
        "jenis-kekerasan, KP, PSIKIS",
        "jenis-kekerasan, KS, SEKSUAL",
        "jenis-kekerasan, EKS, EKSPLOITASI",
        "jenis-kekerasan, TPPO, TPPO",
        "jenis-kekerasan, PNL, PENELANTARAN",
        "jenis-kekerasan, LN, LAINNYA",
        "layanan, PSI, PSIKOLOGIS",
        "layanan, HKM, BANTUAN_HUKUM",
        "layanan, MED, KESEHATAN",
        "layanan, RA, RUMAH_AMAN",
        "layanan, PLG, PEMULANGAN",
        "layanan, RHS, REHABILITASI_SOSIAL",
        "layanan, RIS, REINTEGRASI_SOSIAL",
        "layanan, PHK, PENEGAKAN_HUKUM",
        "layanan, LPSK, PERLINDUNGAN_LPSK",
        "hubungan, OT, ORANG_TUA",
        "hubungan, KEL, KELUARGA",
        "hubungan, PSG, PASANGAN",
        "hubungan, PCR, PACAR_TEMAN",
        "hubungan, TMN, PACAR_TEMAN",
        "hubungan, GRU, GURU",
        "hubungan, MJK, MAJIKAN",
        "hubungan, RKN, REKAN_KERJA",
        "hubungan, TTG, TETANGGA",
        "hubungan, LN, LAINNYA",
        "jenis-rujukan, rujukan, RUJUKAN",
        "jenis-rujukan, pelimpahan, PELIMPAHAN",
        "prioritas, routine, RENDAH",
        "prioritas, urgent, SEDANG",
        "prioritas, asap, TINGGI",
        "prioritas, stat, TINGGI"
    })
    void everyJakartaCodeOfFormatMdHasAHubCode(String list, String code, String hub) throws Exception {
        Coding coding = TERMINOLOGY.toHub("jakarta", list, code, "field");

        assertThat(coding.getCode()).isEqualTo(hub);
        assertThat(TERMINOLOGY.display(coding.getSystem(), hub))
                .as("hub code exists")
                .isPresent();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "violence-form, jenis-kekerasan, TPPO, TPPO", "violence-form, jenis-kekerasan, PENELANTARAN, PNL",
        "service, layanan, VISUM, MED", "service, layanan, PERLINDUNGAN_LPSK, LPSK",
        "relationship, hubungan, PACAR_TEMAN, PCR", "relationship, hubungan, TIDAK_DIKETAHUI, LN",
        "referral-kind, jenis-rujukan, PELIMPAHAN, pelimpahan", "urgency, prioritas, TINGGI, asap"
    })
    void hubCodesGoOutInJakartasCodes(String hubSystem, String list, String hub, String jakarta) throws Exception {
        assertThat(TERMINOLOGY.fromHub("jakarta", list, new Coding(Canonical.CS + hubSystem, hub, null), "field"))
                .isEqualTo(jakarta);
    }

    @Test
    void anUnknownServiceCodeIsAFieldErrorNamingTheCodingAndTheCode() {
        String json = JakartaSamples.withReplaced(JakartaSamples.REFERRAL, "\"code\": \"RIS\"", "\"code\": \"XYZ\"");

        TranslationException e = JakartaSamples.refused(json);

        assertThat(e.errors()).containsExactly(new FieldError("ServiceRequest.code.coding[2]", "unknown code 'XYZ'"));
    }

    @Test
    void unknownViolenceAndRelationshipCodesAreAllReported() {
        String json = JakartaSamples.text(JakartaSamples.REFERRAL)
                .replace("\"code\": \"KP\"", "\"code\": \"KX\"")
                .replace("\"code\": \"MJK\"", "\"code\": \"BOS\"");

        TranslationException e = JakartaSamples.refused(json);

        assertThat(e.errors())
                .containsExactlyInAnyOrder(
                        new FieldError("Condition.code.coding[1]", "unknown code 'KX'"),
                        new FieldError("RelatedPerson.relationship", "unknown code 'BOS'"));
    }

    @Test
    void anUnknownRegionCodeIsAFieldErrorNamingTheExtensionAndTheCode() {
        String json = JakartaSamples.withReplaced(
                JakartaSamples.REFERRAL, "\"valueCode\": \"3173\"", "\"valueCode\": \"3179\"");

        TranslationException e = JakartaSamples.refused(json);

        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).field()).startsWith("Condition.extension(").contains("lokasi-kejadian");
        assertThat(e.errors().get(0).reason()).contains("3179");
    }

    @Test
    void aCodeFromAnotherSystemIsNoServiceAndIsRefused() {
        String json = JakartaSamples.text(JakartaSamples.REFERRAL)
                .replace("fhir/CodeSystem/layanan", "fhir/CodeSystem/layanan-lama");

        TranslationException e = JakartaSamples.refused(json);

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("ServiceRequest.code");
    }
}
