package id.lintas.contracts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.TranslationException;
import java.util.ArrayList;
import java.util.List;

/** The privacy rule every adapter's refusals keep: no identifying value in any text of the error. */
public final class PrivacyAssertions {

    private PrivacyAssertions() {}

    /** No message, field or reason of {@code e} contains any of {@code values}, and no parser exception is wrapped. */
    public static void assertQuotesNothingOf(TranslationException e, String... values) {
        List<String> texts = new ArrayList<>();
        texts.add(e.getMessage());
        texts.add(String.valueOf(e));
        e.errors().forEach(error -> texts.add(error.field() + " " + error.reason()));
        for (String text : texts) {
            for (String value : values) {
                assertThat(text).as("error text must not contain '%s'", value).doesNotContain(value);
            }
        }
        assertThat(e.getCause())
                .as("no wrapped parser exception that could carry the content")
                .isNull();
    }
}
