package id.lintas.adapter.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import org.junit.jupiter.api.Test;

/**
 * Dates and times the typed model holds as an instant or a partial date: what Jakarta writes otherwise
 * is refused with the element, never an error of the server.
 */
class JakartaDatesTest {

    @Test
    void aReportDateWithoutATimeIsRefusedOnTaskAuthoredOn() {
        String json = JakartaSamples.withReplaced(
                JakartaSamples.REFERRAL,
                "\"authoredOn\": \"2025-08-11T09:12:00+07:00\"",
                "\"authoredOn\": \"2025-08-11\"");

        TranslationException e = JakartaSamples.refused(json);

        assertThat(e.errors()).extracting(FieldError::field).contains("Task.authoredOn");
    }

    @Test
    void anIncidentTimeWithoutAnOffsetIsRefusedOnTheCondition() {
        String json = JakartaSamples.withReplaced(
                JakartaSamples.REFERRAL,
                "\"onsetDateTime\": \"2025-08-02\"",
                "\"onsetDateTime\": \"2025-08-02T10:00:00\"");

        TranslationException e = JakartaSamples.refused(json);

        assertThat(e.errors())
                .extracting(FieldError::field)
                .anySatisfy(f -> assertThat(f).startsWith("Condition.onset"));
    }
}
