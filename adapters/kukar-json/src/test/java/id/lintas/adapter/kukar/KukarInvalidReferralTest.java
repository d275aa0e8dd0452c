package id.lintas.adapter.kukar;

import static id.lintas.adapter.kukar.KukarSamples.ADAPTER;
import static id.lintas.adapter.kukar.KukarSamples.KUKAR;
import static id.lintas.adapter.kukar.KukarSamples.TPPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KukarInvalidReferralTest {

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "invalid-missing-consent.json | persetujuan         | required",
                "invalid-bad-date.json        | tgl_lapor           | expected dd-MM-yyyy HH:mm",
                "invalid-unknown-region.json  | tujuan.kode_wilayah | unknown region code '9999' (BPS 2014)",
            })
    void refusesInvalidSampleNamingTheField(String sample, String field, String reason) {
        TranslationException e = refused(KukarSamples.bytes(sample));

        assertThat(e.errors()).containsExactly(new FieldError(field, reason));
    }

    @Test
    void refusesTruncatedJsonAsMalformedWithLineAndColumn() {
        TranslationException e = refused(KukarSamples.bytes("invalid-not-json.json"));

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("$");
            assertThat(error.reason()).startsWith("malformed JSON").matches(".* at line \\d+, column \\d+");
        });
    }

    @Test
    void refusesBodiesThatAreNotOneJsonObject() {
        assertThat(refused(new byte[0]).errors()).extracting(FieldError::field).containsExactly("$");
        assertThat(refused("[]".getBytes(StandardCharsets.UTF_8)).errors())
                .containsExactly(new FieldError("$", "expected a JSON object"));
        assertThat(refused("{\"a\":1} {\"b\":2}".getBytes(StandardCharsets.UTF_8))
                        .errors())
                .extracting(FieldError::reason)
                .singleElement()
                .asString()
                .startsWith("malformed JSON");
        assertThat(refused("{\"revisi\":1,\"revisi\":2}".getBytes(StandardCharsets.UTF_8))
                        .errors())
                .extracting(FieldError::reason)
                .singleElement()
                .asString()
                .startsWith("malformed JSON");
        assertThat(refused(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'})
                        .errors())
                .extracting(FieldError::field)
                .containsExactly("$");
    }

    @Test
    void collectsEveryFieldErrorOfOneMessage() {
        ObjectNode json = KukarSamples.json(TPPO);
        ObjectNode victim = (ObjectNode) json.get("korban").get(0);
        victim.put("tgl_lahir", "1999-03-12");
        victim.remove("jenis_kelamin");
        victim.put("disabilitas", "Ya");
        ((ObjectNode) json.get("pelaku").get(0)).put("hubungan", "sepupu");
        ((ArrayNode) json.get("bentuk_kekerasan")).add("pemerasan");
        json.put("urgensi", "segera");
        ((ObjectNode) json.get("kejadian")).put("tgl_kejadian", "31-06-2025");
        json.put("revisi", 0);
        ((ObjectNode) json.get("petugas")).put("nip", "12345");

        TranslationException e = refused(KukarSamples.bytes(json));

        assertThat(e.errors())
                .containsExactlyInAnyOrder(
                        new FieldError("korban[0].tgl_lahir", "expected dd-MM-yyyy"),
                        new FieldError("korban[0].jenis_kelamin", "required"),
                        new FieldError("korban[0].jenis_disabilitas", "required"),
                        new FieldError("pelaku[0].hubungan", "unknown code 'sepupu'"),
                        new FieldError("bentuk_kekerasan[3]", "unknown code 'pemerasan'"),
                        new FieldError("urgensi", "unknown code 'segera'"),
                        new FieldError(
                                "kejadian.tgl_kejadian",
                                "expected dd-MM-yyyy (00-MM-yyyy when only the month is known)"),
                        new FieldError("revisi", "expected a number from 1 to 2147483647"),
                        new FieldError("petugas.nip", "expected a NIP of 18 digits"));
    }

    @Test
    void refusesUnknownCodeNamingFieldAndCode() {
        ObjectNode json = KukarSamples.json(TPPO);
        ((ArrayNode) json.get("layanan_diminta")).set(1, json.textNode("visum"));

        assertThatThrownBy(() -> ADAPTER.readReferral(KukarSamples.bytes(json), KUKAR))
                .isInstanceOf(TranslationException.class)
                .hasMessage("layanan_diminta[1]: unknown code 'visum'");
    }

    /** Found by {@code KukarReaderFuzzTest}: a signed year of six digits escaped as HAPI's DataFormatException. */
    @Test
    void refusesAYearOfMoreThanFourDigitsAsAFieldError() {
        ObjectNode json = KukarSamples.json(TPPO);
        ((ObjectNode) json.get("kejadian")).put("tgl_kejadian", "01-08-+622025");

        assertThatThrownBy(() -> ADAPTER.readReferral(KukarSamples.bytes(json), KUKAR))
                .isInstanceOf(TranslationException.class)
                .satisfies(e -> assertThat(((TranslationException) e).errors())
                        .extracting(FieldError::field)
                        .contains("kejadian.tgl_kejadian"));
    }

    @Test
    void refusesVictimWithoutBirthDateOrAge() {
        ObjectNode json = KukarSamples.json(TPPO);
        ((ObjectNode) json.get("korban").get(0)).remove("tgl_lahir");

        assertThat(refused(KukarSamples.bytes(json)).errors())
                .containsExactly(
                        new FieldError("korban[0].tgl_lahir", "required (or usia when the birth date is unknown)"));
    }

    @Test
    void refusesRegionCodesThatAreNotBpsRegencies() {
        ObjectNode json = KukarSamples.json(TPPO);
        // 64 is the province, 64.09 Kemendagri: Kukar's feed speaks BPS regency codes only.
        ((ObjectNode) json.get("kejadian")).put("kode_wilayah", "64");
        ((ObjectNode) json.get("korban").get(0).get("alamat")).put("kode_wilayah", "64.09");

        assertThat(refused(KukarSamples.bytes(json)).errors())
                .containsExactlyInAnyOrder(
                        new FieldError("kejadian.kode_wilayah", "expected a 4-digit BPS 2014 regency code"),
                        new FieldError("korban[0].alamat.kode_wilayah", "expected a 4-digit BPS 2014 regency code"));
    }

    @Test
    void refusesEmptyListsAndWrongTypes() {
        ObjectNode json = KukarSamples.json(TPPO);
        json.putArray("korban");
        json.put("bentuk_kekerasan", "tppo");
        json.put("kejadian", "di Tenggarong");

        assertThat(refused(KukarSamples.bytes(json)).errors())
                .containsExactlyInAnyOrder(
                        new FieldError("korban", "needs at least one entry"),
                        new FieldError("bentuk_kekerasan", "expected an array"),
                        new FieldError("kejadian", "expected an object"));
    }

    @Test
    void refusesKindOfDisabilityWhenThereIsNone() {
        ObjectNode json = KukarSamples.json(TPPO);
        ((ObjectNode) json.get("korban").get(0)).put("jenis_disabilitas", "fisik");

        assertThat(refused(KukarSamples.bytes(json)).errors())
                .containsExactly(new FieldError("korban[0].jenis_disabilitas", "only allowed when disabilitas is Ya"));
    }

    static TranslationException refused(byte[] body) {
        TranslationException e =
                catchThrowableOfType(() -> ADAPTER.readReferral(body, KUKAR), TranslationException.class);
        assertThat(e).as("the message must be refused").isNotNull();
        return e;
    }
}
