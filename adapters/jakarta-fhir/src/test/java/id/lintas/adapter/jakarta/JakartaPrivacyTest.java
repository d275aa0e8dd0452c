package id.lintas.adapter.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No error reason quotes a victim's name, NIK, phone, address, birth date or chronology. */
class JakartaPrivacyTest {

    /** Messages refused for a value that is itself identifying, and the field that should be named. */
    static Stream<Arguments> refusals() {
        String referral = JakartaSamples.REFERRAL;
        return Stream.of(
                Arguments.of(
                        "the invalid gender sample",
                        JakartaSamples.text(JakartaSamples.INVALID_GENDER),
                        "Patient.gender"),
                Arguments.of(
                        "the collection sample",
                        JakartaSamples.text(JakartaSamples.INVALID_NOT_A_MESSAGE),
                        "Bundle.type"),
                Arguments.of(
                        "a NIK of the wrong length",
                        JakartaSamples.withReplaced(referral, "\"6402064303960007\"", "\"64020643039600071\""),
                        "Patient.identifier"),
                Arguments.of(
                        "a phone that is no number",
                        JakartaSamples.withReplaced(referral, "\"+6285250123456\"", "\"+6285250123456 Nur Hasanah\""),
                        "Patient.telecom[0].value"),
                Arguments.of(
                        "a birth date that is no date",
                        JakartaSamples.withReplaced(referral, "\"1996-03-03\"", "\"1996-03-03 Nur Hasanah\""),
                        "Patient.birthDate"),
                Arguments.of(
                        "a NIK given as the gender code",
                        JakartaSamples.withReplaced(
                                referral,
                                "\"gender\": \"female\",\n        \"birthDate\"",
                                "\"gender\": \"6402064303960007\",\n        \"birthDate\""),
                        "Patient.gender"),
                Arguments.of(
                        "a missing name",
                        JakartaSamples.withReplaced(referral, "\"text\": \"Nur Hasanah\"", "\"suffix\": [\"S.H.\"]"),
                        "Patient.name"),
                Arguments.of(
                        "a phone number in an unknown element",
                        JakartaSamples.withReplaced(
                                referral,
                                "\"gender\": \"female\",\n        \"birthDate\"",
                                "\"gender\": \"female\", \"hp\": \"+6285250123456\",\n        \"birthDate\""),
                        "Patient.hp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void reasonsNameTheFieldButNeverQuoteIdentifyingValues(String what, String json, String field) {
        TranslationException e = JakartaSamples.refused(json);

        assertThat(e.errors()).extracting(FieldError::field).contains(field);
        List<String> texts = Stream.concat(e.errors().stream().map(FieldError::toString), Stream.of(e.getMessage()))
                .toList();
        for (String identifying : JakartaSamples.IDENTIFYING) {
            assertThat(texts).noneMatch(text -> text.contains(identifying));
        }
    }
}
