package id.lintas.adapter.kukar;

import static id.lintas.adapter.kukar.KukarSamples.ADAPTER;
import static id.lintas.adapter.kukar.KukarSamples.KUKAR;
import static id.lintas.adapter.kukar.KukarSamples.TPPO;
import static id.lintas.contracts.testing.PrivacyAssertions.assertQuotesNothingOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors go to logs, problem details and other regions' staff: they must never carry a victim's data. */
class KukarPrivacyTest {

    private static final String NAME = "Rina Marlina";
    private static final String NIK = "6409015203990002";
    private static final String PHONE = "0812-5432-1098";
    private static final String STREET = "Jl. Provinsi KM 9 RT 07";
    private static final String CHRONOLOGY = "dijanjikan pekerjaan";

    @Test
    void neverQuotesIdentifyingValuesPutInTheWrongShape() {
        ObjectNode json = KukarSamples.json(TPPO);
        ObjectNode victim = (ObjectNode) json.get("korban").get(0);
        // Values typed into the wrong fields, or malformed, as staff under pressure do.
        victim.put("nik", NIK + " " + NAME);
        victim.put("no_hp", PHONE + " (" + NAME + ")");
        victim.put("tgl_lahir", "12 Maret 1999, " + NAME);
        victim.put("jenis_kelamin", NAME);
        victim.put("pendidikan", STREET);
        victim.put("pekerjaan", 42);
        victim.put("kewarganegaraan", NAME);
        ((ObjectNode) victim.get("alamat")).put("kode_wilayah", STREET);
        ((ObjectNode) json.get("pelaku").get(0)).put("hubungan", "paman korban " + NAME);
        ((ObjectNode) json.get("kejadian")).put("tgl_kejadian", CHRONOLOGY);
        ((ObjectNode) json.get("kejadian")).put("tempat", CHRONOLOGY);
        ((ObjectNode) json.get("petugas")).put("nip", NIK);

        TranslationException e = refused(KukarSamples.bytes(json));

        assertThat(e.errors()).hasSize(12);
        assertQuotesNothingOf(e, NAME, NIK, "5432", "1098", STREET, "Maret", CHRONOLOGY, "paman");
    }

    @Test
    void neverQuotesTheContentOfMalformedJson() {
        String broken = "{\"korban\": [{\"nama\": \"" + NAME + "\", \"nik\": " + NIK + "x}]}";

        TranslationException e = refused(broken.getBytes(StandardCharsets.UTF_8));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("$");
        assertQuotesNothingOf(e, NAME, NIK, "korban", "nama");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "invalid-missing-consent.json",
                "invalid-bad-date.json",
                "invalid-unknown-region.json",
                "invalid-not-json.json"
            })
    void refusalsOfTheSamplesQuoteNoVictimData(String sample) {
        TranslationException e = refused(KukarSamples.bytes(sample));

        assertQuotesNothingOf(e, NAME, NIK, "081254321098", PHONE, "12-03-1999", "Nipah", "Herman", CHRONOLOGY);
    }

    private static TranslationException refused(byte[] body) {
        TranslationException e =
                catchThrowableOfType(() -> ADAPTER.readReferral(body, KUKAR), TranslationException.class);
        assertThat(e).isNotNull();
        return e;
    }
}
