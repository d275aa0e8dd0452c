package id.lintas.hub.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import id.lintas.contracts.spi.FieldError;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agreement form, its canonical bytes and the signature over them, without the hub running. */
class AgreementFormTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final AgreementSchema schema = new AgreementSchema();

    static JsonNode example(String name) throws Exception {
        try (InputStream in = AgreementFormTest.class.getResourceAsStream("/agreement/examples/" + name + ".json")) {
            return JSON.readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pks-kukar-ppu-2024", "tppo-repatriation-2025", "jakarta-ppu-support-2025"})
    void everyShippedAgreementFollowsTheForm(String name) throws Exception {
        JsonNode document = example(name);

        assertThat(schema.validate(document)).isEmpty();
        AgreementDocument parsed = JSON.treeToValue(document, AgreementDocument.class);
        assertThat(parsed.parties()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(parsed.validFrom()).isBefore(parsed.validUntil());
    }

    @Test
    void namesTheFieldAndTheReasonOfEachError() throws Exception {
        ObjectNode document = (ObjectNode) example("pks-kukar-ppu-2024");
        document.remove("validUntil");
        ((ObjectNode) document.withArray("services").get(0)).put("code", "PIJAT");
        ((ObjectNode) document.withArray("parties").get(1)).put("region", "sixty-four");

        List<FieldError> errors = schema.validate(document);

        assertThat(errors)
                .extracting(FieldError::field)
                .contains("validUntil", "services[0].code", "parties[1].region");
        assertThat(errors).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
    }

    @Test
    void canonicalFormIgnoresKeyOrderAndWhitespaceButNothingElse() {
        String a = "{\"version\":1, \"id\":\"x\",\n \"title\":\"Perjanjian\"}";
        String b = "{\"id\":\"x\",\"title\":\"Perjanjian\",\"version\":1}";
        String c = "{\"id\":\"x\",\"title\":\"Perjanjian.\",\"version\":1}";

        assertThat(CanonicalForm.of(a)).isEqualTo(CanonicalForm.of(b)).isEqualTo(b);
        assertThat(CanonicalForm.sha256(CanonicalForm.of(c))).isNotEqualTo(CanonicalForm.sha256(CanonicalForm.of(a)));
    }

    @Test
    void aSignatureVerifiesOnlyForTheSignedBytesAndTheSignersKey() throws Exception {
        ECKey signer = new ECKeyGenerator(Curve.P_256).keyID("kukar-1").generate();
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("kukar-1").generate();
        String canonical = CanonicalForm.of(example("pks-kukar-ppu-2024").toString());
        String jws = DetachedSigner.sign(canonical, signer);

        assertThat(jws).matches("[^.]+\\.\\.[^.]+");
        assertThat(SignatureVerifier.header(jws).getKeyID()).isEqualTo("kukar-1");
        SignatureVerifier.verify(jws, canonical.getBytes(StandardCharsets.UTF_8), signer.toPublicJWK());

        byte[] changed = canonical.replace("2027-07-16", "2028-07-16").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SignatureVerifier.verify(jws, changed, signer.toPublicJWK()))
                .hasMessageContaining("does not verify");
        assertThatThrownBy(() ->
                        SignatureVerifier.verify(jws, canonical.getBytes(StandardCharsets.UTF_8), other.toPublicJWK()))
                .hasMessageContaining("does not verify");
    }

    @Test
    void refusesAnAttachedPayloadOrASymmetricAlgorithm() {
        assertThatThrownBy(() -> SignatureVerifier.header("eyJhbGciOiJFUzI1NiJ9.eyJ4IjoxfQ.c2ln"))
                .hasMessageContaining("detached");
        // {"alg":"HS256","kid":"k"}: a shared secret would let the hub sign for a party.
        assertThatThrownBy(() -> SignatureVerifier.header("eyJhbGciOiJIUzI1NiIsImtpZCI6ImsifQ..c2ln"))
                .hasMessageContaining("not accepted");
    }
}
