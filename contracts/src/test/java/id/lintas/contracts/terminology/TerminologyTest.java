package id.lintas.contracts.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lintas.contracts.spi.TranslationException;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

class TerminologyTest {

    private static final String URGENCY = "https://fhir.lintas.or.id/CodeSystem/urgency";
    private final Terminology terminology = Terminology.standard();

    @Test
    void aRegionCodeIsTranslatedToTheHubsWhateverItsCaseAndSpaces() throws TranslationException {
        Coding coding = terminology.toHub("kukar", "urgensi", "  Tinggi ", "urgensi");

        assertThat(coding.getSystem()).isEqualTo(URGENCY);
        assertThat(coding.getCode()).isEqualTo("TINGGI");
        assertThat(terminology.toHub("kukar", "urgensi", "sedang", "urgensi").getCode())
                .isEqualTo("SEDANG");
    }

    @Test
    void anUnknownOrEmptyRegionCodeNamesTheFieldAndTheCode() {
        assertThatThrownBy(() -> terminology.toHub("kukar", "urgensi", "darurat ", "kasus.urgensi"))
                .isInstanceOfSatisfying(
                        TranslationException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("kasus.urgensi");
                            assertThat(error.reason()).isEqualTo("unknown code 'darurat'");
                        }));
        assertThatThrownBy(() -> terminology.toHub("kukar", "urgensi", " ", "kasus.urgensi"))
                .isInstanceOf(TranslationException.class);
        // A list the region does not have knows no code.
        assertThatThrownBy(() -> terminology.toHub("kukar", "no-such-list", "tinggi", "x"))
                .isInstanceOf(TranslationException.class);
    }

    @Test
    void aHubCodeIsRenderedInEachRegionsListAndOnlyWhereTheListHasIt() throws TranslationException {
        Coding high = new Coding(URGENCY, "TINGGI", null);

        assertThat(terminology.fromHub("kukar", "urgensi", high, "urgensi")).isEqualTo("tinggi");
        assertThat(terminology.expresses("kukar", "urgensi", URGENCY, "TINGGI")).isTrue();
        assertThat(terminology.expresses("kukar", "urgensi", URGENCY, "NO_SUCH"))
                .isFalse();
        assertThat(terminology.expresses("kukar", "jenis_rujukan", URGENCY, "TINGGI"))
                .isFalse();
        assertThatThrownBy(() -> terminology.fromHub("kukar", "urgensi", new Coding(URGENCY, "NO_SUCH", null), "f"))
                .isInstanceOfSatisfying(
                        TranslationException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("f");
                            assertThat(error.reason())
                                    .isEqualTo("code 'NO_SUCH' has no equivalent in kukar's list urgensi");
                        }));
        assertThatThrownBy(() -> terminology.fromHub("kukar", "urgensi", new Coding(URGENCY, null, null), "f"))
                .isInstanceOf(TranslationException.class);
    }

    @Test
    void hubCodesHaveTheirCodeSystemsDisplays() {
        assertThat(terminology.display(URGENCY, "TINGGI")).contains("High");
        assertThat(terminology.display(URGENCY, "NO_SUCH")).isEmpty();
        assertThat(terminology.display("https://example.org/no-such-system", "TINGGI"))
                .isEmpty();
        assertThat(terminology.hubCoding(URGENCY, "RENDAH").getDisplay()).isNotBlank();
        assertThatThrownBy(() -> terminology.hubCoding(URGENCY, "NO_SUCH"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
