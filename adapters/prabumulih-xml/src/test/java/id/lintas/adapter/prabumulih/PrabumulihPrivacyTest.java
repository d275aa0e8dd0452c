package id.lintas.adapter.prabumulih;

import static id.lintas.adapter.prabumulih.PrabumulihSamples.ADAPTER;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.PRABUMULIH;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.TPPO;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.refused;
import static id.lintas.contracts.testing.PrivacyAssertions.assertQuotesNothingOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Errors go to logs, problem details and other regions' staff: they must never carry a victim's
 * data. The schema validator's own messages quote values, so this holds only if none of them is
 * passed on.
 */
class PrabumulihPrivacyTest {

    private static final String NAME = "Yuliana Safitri";
    private static final String NIK = "1674026706000005";
    private static final String PHONE = "0813-7788-1122";
    private static final String STREET = "Jl. Jenderal Sudirman Gg. Kenanga";
    private static final String CHRONOLOGY = "janji kerja di kafe";

    @Test
    void schemaErrorsNeverQuoteValuesPutInTheWrongShape() {
        // Values typed into the wrong fields, or malformed, as staff under pressure do.
        byte[] body = PrabumulihSamples.text(TPPO)
                .replace("<nik>" + NIK + "</nik>", "<nik>" + NIK + " " + NAME + "</nik>")
                .replace(
                        "<tanggal_lahir>2000-06-27</tanggal_lahir>",
                        "<tanggal_lahir>27 Juni 2000, " + NAME + "</tanggal_lahir>")
                .replace(
                        "<jenis_kelamin>2</jenis_kelamin>\n    <tanggal_lahir>",
                        "<jenis_kelamin>" + NAME + "</jenis_kelamin>\n    <tanggal_lahir>")
                .replace("<kewarganegaraan>WNI</kewarganegaraan>", "<kewarganegaraan>" + NAME + "</kewarganegaraan>")
                .replace("<no_telp>" + PHONE + "</no_telp>", "<no_telp>" + PHONE + " (" + NAME + ")</no_telp>")
                .replace("kotkab=\"1674\" kecamatan=\"167402\"", "kotkab=\"" + STREET + "\" kecamatan=\"167402\"")
                .replace("<hubungan>99</hubungan>", "<hubungan>paman korban " + NAME + "</hubungan>")
                .replace("<tanggal>2025-05-02</tanggal>", "<tanggal>" + CHRONOLOGY + "</tanggal>")
                .replace("nip=\"198512302011012004\"", "nip=\"" + NIK + "\"")
                .getBytes(StandardCharsets.UTF_8);

        TranslationException e = refused(body);

        assertThat(e.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "/kasus/klien[1]/nik",
                        "/kasus/klien[1]/jenis_kelamin",
                        "/kasus/klien[1]/tanggal_lahir",
                        "/kasus/klien[1]/kewarganegaraan",
                        "/kasus/klien[1]/no_telp",
                        "/kasus/klien[1]/alamat/@kotkab",
                        "/kasus/terlapor[1]/hubungan",
                        "/kasus/kejadian/tanggal",
                        "/kasus/petugas/@nip");
        assertQuotesNothingOf(e, NAME, NIK, "7788", "1122", STREET, "Juni", CHRONOLOGY, "paman");
    }

    @Test
    void fieldErrorsNeverQuoteFreeTextTypedIntoCodeFields() {
        byte[] body = PrabumulihSamples.text(TPPO)
                .replace("<pendidikan>SMA</pendidikan>", "<pendidikan>SMA_" + NAME.replace(' ', '_') + "</pendidikan>")
                .replace("oleh=\"KLIEN\"", "oleh=\"Ibu_" + NAME.replace(' ', '_') + "\"")
                .getBytes(StandardCharsets.UTF_8);

        TranslationException e = refused(body);

        assertThat(e.errors())
                .containsExactlyInAnyOrder(
                        new FieldError("/kasus/klien[1]/pendidikan", "not a code of the list pendidikan"),
                        new FieldError("/kasus/persetujuan/@oleh", "not a code of the list persetujuan_oleh"));
        assertQuotesNothingOf(e, "Yuliana", "Safitri");
    }

    @Test
    void neverQuotesTheContentOfMalformedXml() {
        String broken = PrabumulihSamples.text(TPPO).replace("<nama>" + NAME + "</nama>", "<nama>" + NAME + "</namaa>");

        TranslationException e = refused(broken.getBytes(StandardCharsets.UTF_8));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("/");
        assertQuotesNothingOf(e, NAME, NIK, "Yuliana");
    }

    static List<String> invalidSamples() {
        return PrabumulihSamples.invalid();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSamples")
    void refusalsOfTheSamplesQuoteNoVictimData(String sample) {
        TranslationException e = refused(PrabumulihSamples.bytes(sample));

        assertQuotesNothingOf(e, "Dimas", "Saputra", "Rudi", "Kel. Melayu", "dipukul", "passwd", "root");
    }

    @Test
    void statusErrorsNeverQuoteTheNote() {
        String body = "<status_rujukan xmlns=\"urn:prabumulih:satulayanan:kasus:2\" id_rujukan_hub=\"R-1\""
                + " status=\"" + NAME.replace(' ', '_') + "\" waktu=\"" + NAME + "\"><catatan>" + NAME
                + "</catatan></status_rujukan>";

        TranslationException e = catchThrowableOfType(
                () -> ADAPTER.readStatus(body.getBytes(StandardCharsets.UTF_8), PRABUMULIH),
                TranslationException.class);

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("/status_rujukan/@waktu");
        assertQuotesNothingOf(e, "Yuliana", "Safitri");
    }
}
