package id.lintas.adapter.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import org.junit.jupiter.api.Test;

/** The invalid samples are refused as FORMAT.md says, with FHIR element paths an OperationOutcome can point at. */
class JakartaInvalidSamplesTest {

    @Test
    void aBundleOfTypeCollectionIsRefusedOnBundleType() {
        TranslationException e = JakartaSamples.refused(JakartaSamples.text(JakartaSamples.INVALID_NOT_A_MESSAGE));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("Bundle.type");
        assertThat(e.errors().get(0).reason()).contains("message").contains("collection");
    }

    @Test
    void aGenderThatIsNoFhirCodeIsRefusedOnPatientGender() {
        TranslationException e = JakartaSamples.refused(JakartaSamples.text(JakartaSamples.INVALID_GENDER));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("Patient.gender");
        assertThat(e.errors().get(0).reason()).contains("perempuan");
    }

    @Test
    void aMessageThatIsNotJsonIsRefusedWithoutQuotingIt() {
        TranslationException e = JakartaSamples.refused("<Bundle>Nur Hasanah</Bundle>");

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("Bundle");
        assertThat(e.getMessage()).doesNotContain("Nur Hasanah");
    }

    @Test
    void aPropertyWithoutANameIsRefusedWhereItOccurs() {
        // Found by the fuzz test: HAPI's JSON parser failed on it with StringIndexOutOfBoundsException.
        String json =
                JakartaSamples.withReplaced(JakartaSamples.REFERRAL, "\"gender\": \"female\"", "\"\": \"female\"");

        TranslationException e = JakartaSamples.refused(json);

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("Patient");
        assertThat(e.errors().get(0).reason()).contains("without a name");
    }

    @Test
    void anotherResourceThanABundleIsRefused() {
        TranslationException e = JakartaSamples.refused("{\"resourceType\":\"Patient\",\"gender\":\"female\"}");

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("Bundle");
        assertThat(e.errors().get(0).reason()).contains("Patient");
    }

    @Test
    void anUnknownEventIsRefusedOnTheMessageHeader() {
        String json = JakartaSamples.withReplaced(
                JakartaSamples.REFERRAL, "\"code\": \"rujukan-baru\"", "\"code\": \"rujukan-lama\"");

        TranslationException e = JakartaSamples.refused(json);

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("MessageHeader.eventCoding");
    }

    @Test
    void aBirthDateThatIsNoDateIsRefusedOnPatientBirthDateWithoutQuotingIt() {
        String json = JakartaSamples.withReplaced(JakartaSamples.REFERRAL, "\"1996-03-03\"", "\"03/03/1996\"");

        TranslationException e = JakartaSamples.refused(json);

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("Patient.birthDate");
        assertThat(e.getMessage()).doesNotContain("1996");
    }
}
