package id.lintas.adapter.prabumulih;

import static id.lintas.adapter.prabumulih.PrabumulihSamples.ADAPTER;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.CHILD;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.PRABUMULIH;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.TPPO;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.edited;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lintas.contracts.spi.CanonicalField;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PrabumulihInvalidReferralTest {

    static List<String> invalidSamples() {
        return PrabumulihSamples.invalid();
    }

    @Test
    void everyKnownInvalidSampleIsCovered() {
        assertThat(invalidSamples()).contains(PrabumulihSamples.INVALID_SCHEMA, PrabumulihSamples.INVALID_XXE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSamples")
    void refusesEveryInvalidSample(String sample) {
        assertThat(refused(PrabumulihSamples.bytes(sample)).errors()).isNotEmpty();
    }

    @Test
    void refusesCaseWithoutKlienNamingTheElement() {
        TranslationException e = refused(PrabumulihSamples.bytes(PrabumulihSamples.INVALID_SCHEMA));

        assertThat(e.errors())
                .containsExactly(
                        new FieldError("/kasus/klien", "required: missing (<terlapor> found where <klien> must come)"));
    }

    @Test
    void refusesCaseDeclaringAnExternalEntityNamingTheDoctype() {
        TranslationException e = refused(PrabumulihSamples.bytes(PrabumulihSamples.INVALID_XXE));

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/");
            assertThat(error.reason()).startsWith("DOCTYPE declarations are not allowed");
        });
    }

    @Test
    void reportsSchemaErrorsByElementAndAttributePath() {
        byte[] body = PrabumulihSamples.text(TPPO)
                .replace("<tanggal_lahir>2000-06-27</tanggal_lahir>", "<tanggal_lahir>2000-13-27</tanggal_lahir>")
                .replace("<kotkab>3174</kotkab>", "<kotkab>31.74</kotkab>")
                .replace("<umur>37</umur>", "<umur>tiga puluh</umur>")
                .replace("tanggal=\"2025-07-16\"", "tanggal=\"16-07-2025\"")
                .replace(" uuid=\"5b2f7c0e-3d61-4f7a-9a52-1c0e8d7f4a10\"", "")
                .replace("<layanan kode=\"03\"/>", "<layanan kode=\"3\"/>")
                .replace("<prioritas>1</prioritas>", "<prioritas>1</prioritas><catatan/>")
                .getBytes(StandardCharsets.UTF_8);

        TranslationException e = refused(body);

        assertThat(e.errors())
                .containsExactlyInAnyOrder(
                        new FieldError("/kasus/@uuid", "required"),
                        new FieldError("/kasus/catatan", "element not allowed here; expected <kategori_kasus>"),
                        new FieldError("/kasus/klien[1]/tanggal_lahir", "expected yyyy-MM-dd (a real calendar date)"),
                        new FieldError("/kasus/terlapor[1]/umur", "expected a whole number"),
                        new FieldError(
                                "/kasus/kejadian/kotkab",
                                "expected a Kemendagri region code without dots: 2 digits for a province, 4 for a regency or city (1674)"),
                        new FieldError("/kasus/layanan_diminta/layanan[1]/@kode", "expected a two-digit code"),
                        new FieldError("/kasus/persetujuan/@tanggal", "expected yyyy-MM-dd"));
    }

    @Test
    void collectsEveryFieldErrorOfOneCase() {
        byte[] body = PrabumulihSamples.text(TPPO)
                .replace("<media_pengaduan>E</media_pengaduan>", "")
                .replace("<prioritas>1</prioritas>", "<prioritas>4</prioritas>")
                .replace("<kategori_kasus>300</kategori_kasus>", "<kategori_kasus>400</kategori_kasus>")
                .replace("<nik>1674026706000005</nik>", "<nik>1674029906000005</nik>")
                .replace("<pendidikan>SMA</pendidikan>", "<pendidikan>SMK</pendidikan>")
                .replace("<no_telp>0813-7788-1122</no_telp>", "<no_telp>0813-7788-1122-3344</no_telp>")
                .replace("kotkab=\"1674\" kecamatan=\"167402\"", "kotkab=\"1674\" kecamatan=\"640206\"")
                .replace("<hubungan>99</hubungan>", "<hubungan>10</hubungan>")
                .replace("<kategori_lokasi>TK</kategori_lokasi>", "<kategori_lokasi>XX</kategori_lokasi>")
                .replace("<kotkab>3174</kotkab>", "<kotkab>3199</kotkab>")
                .replace("<jenis_kekerasan kode=\"104\"/>", "<jenis_kekerasan kode=\"107\"/>")
                .replace("<layanan kode=\"11\"/>", "<layanan kode=\"12\"/>")
                .replace("<tujuan_kotkab>31</tujuan_kotkab>", "<tujuan_kotkab>99</tujuan_kotkab>")
                .replace("oleh=\"KLIEN\"", "oleh=\"KAKAK\"")
                .replace(
                        "<petugas nip=\"198512302011012004\" nama=\"Eka Putri\" unit=\"Satu Layanan PPA Prabumulih\"/>",
                        "")
                .getBytes(StandardCharsets.UTF_8);

        TranslationException e = refused(body);

        assertThat(e.errors())
                .containsExactlyInAnyOrder(
                        new FieldError("/kasus/media_pengaduan", "required"),
                        new FieldError("/kasus/prioritas", "unknown code '4'"),
                        new FieldError("/kasus/kategori_kasus", "unknown code '400'"),
                        new FieldError(
                                "/kasus/klien[1]/nik", "expected a NIK of 16 digits with a plausible birth date in it"),
                        new FieldError("/kasus/klien[1]/pendidikan", "unknown code 'SMK'"),
                        new FieldError(
                                "/kasus/klien[1]/no_telp",
                                "expected an Indonesian phone number such as 0813-7788-1122 or +6281377881122"),
                        new FieldError(
                                "/kasus/klien[1]/alamat/@kecamatan",
                                "expected a Kemendagri district code without dots in the region of kotkab (6 digits that start with it)"),
                        new FieldError("/kasus/terlapor[1]/hubungan", "unknown code '10'"),
                        new FieldError("/kasus/kejadian/kategori_lokasi", "unknown code 'XX'"),
                        new FieldError("/kasus/kejadian/kotkab", "unknown region code '3199' (Kemendagri)"),
                        new FieldError("/kasus/kejadian/jenis_kekerasan[2]/@kode", "unknown code '107'"),
                        new FieldError("/kasus/layanan_diminta/layanan[3]/@kode", "unknown code '12'"),
                        new FieldError("/kasus/rujukan/tujuan_kotkab", "unknown region code '99' (Kemendagri)"),
                        new FieldError("/kasus/persetujuan/@oleh", "unknown code 'KAKAK'"),
                        new FieldError("/kasus/petugas", "required"));
    }

    @Test
    void refusesUnknownCodeNamingFieldAndCode() {
        byte[] body = edited(CHILD, "<media_pengaduan>A</media_pengaduan>", "<media_pengaduan>H</media_pengaduan>");

        assertThatThrownBy(() -> ADAPTER.readReferral(body, PRABUMULIH))
                .isInstanceOf(TranslationException.class)
                .hasMessage("/kasus/media_pengaduan: unknown code 'H'");
    }

    @Test
    void refusesVictimWithoutBirthDateOrAgeAndWithoutWhatFormatRequires() {
        byte[] body = PrabumulihSamples.text(CHILD)
                .replace("<umur>10</umur>", "")
                .replace("<nama>Dimas Saputra</nama>", "")
                .replace("<kewarganegaraan>WNI</kewarganegaraan>", "")
                .replace("<alamat kotkab=\"6402\" kecamatan=\"640206\">Kel. Melayu, Tenggarong</alamat>", "<alamat/>")
                .replace("<tanggal>2025-07-14</tanggal>", "")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(refused(body).errors())
                .containsExactlyInAnyOrder(
                        new FieldError("/kasus/klien[1]/nama", "required"),
                        new FieldError(
                                "/kasus/klien[1]/tanggal_lahir", "required (or umur when the birth date is unknown)"),
                        new FieldError("/kasus/klien[1]/kewarganegaraan", "required"),
                        new FieldError("/kasus/klien[1]/alamat/@kotkab", "required"),
                        new FieldError("/kasus/kejadian/tanggal", "required"));
    }

    @Test
    void refusesBodiesThatAreNotOneKasusDocument() {
        assertThat(refused(new byte[0]).errors())
                .containsExactly(
                        new FieldError(
                                "/",
                                "the body is empty; expected a <kasus> document in namespace urn:prabumulih:satulayanan:kasus:2"));
        assertThat(refused("{\"kasus\": 1}".getBytes(StandardCharsets.UTF_8)).errors())
                .containsExactly(new FieldError("/", "malformed XML at line 1, column 1"));
        assertThat(refused(PrabumulihSamples.bytes(PrabumulihSamples.STATUS_COMPLETED))
                        .errors())
                .containsExactly(
                        new FieldError(
                                "/",
                                "expected a <kasus> document in namespace urn:prabumulih:satulayanan:kasus:2, not <status_rujukan>"));
        assertThat(refused(edited(
                                CHILD,
                                "xmlns=\"urn:prabumulih:satulayanan:kasus:2\"",
                                "xmlns=\"urn:prabumulih:satulayanan:kasus:1\""))
                        .errors())
                .containsExactly(
                        new FieldError(
                                "/",
                                "expected a <kasus> document in namespace urn:prabumulih:satulayanan:kasus:2; <kasus> is in another namespace"));
        assertThat(refused(edited(CHILD, "</kasus>", "</kasus><kasus/>")).errors())
                .extracting(FieldError::field, FieldError::reason)
                .singleElement()
                .satisfies(t -> assertThat(t.toList()).containsExactly("/", "malformed XML at line 39, column 10"));
    }

    @Test
    void namesTheCanonicalFieldsAHubCheckRefusedByTheirElementPaths() {
        assertThat(ADAPTER.fieldName(CanonicalField.VICTIM_BIRTH_DATE, 1)).isEqualTo("/kasus/klien[2]/tanggal_lahir");
        assertThat(ADAPTER.fieldName(CanonicalField.VICTIM_AGE, 0)).isEqualTo("/kasus/klien[1]/umur");
        assertThat(ADAPTER.fieldName(CanonicalField.REPORT_DATE, -1)).isEqualTo("/kasus/tanggal_pelaporan");
        assertThat(ADAPTER.fieldName(CanonicalField.INCIDENT_DATE, -1)).isEqualTo("/kasus/kejadian/tanggal");
    }
}
