package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.CanonicalField;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.IntakeFields;
import id.lintas.contracts.spi.ReceiptTexts;
import id.lintas.contracts.spi.RegionAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A region's words live in its adapter: no string literal of the hub's main code (outside the demo, which
 * plays the regions) holds a word the adapters give the hub through the SPI, the names of their fields
 * and columns, their receipt texts and their message definitions.
 */
class RegionVocabularyTest {

    private static final Path HUB_MAIN = Path.of("src/main/java/id/lintas/hub");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");
    /** Stands for a value the hub fills in, to split a text into the region's fixed words. */
    private static final String HOLE = "\u0000";
    /** The hub's own API says {@code status} too (its answers' JSON): a word of the hub before it is Kukar's. */
    private static final Set<String> HUB_OWN_WORDS = Set.of("status", "fhir");

    @Test
    void noRegionsFieldNamesReceiptTextsOrMessageDefinitionsInHubMainCode() throws IOException {
        Set<String> vocabulary = vocabulary();
        assertThat(vocabulary)
                .as("the adapters declare their words")
                .contains("revisi", "id_rujukan_hub", "versi", "No Registrasi", "ID Rujukan Hub", "rujukan-baru");

        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(HUB_MAIN)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".java") && !f.startsWith(HUB_MAIN.resolve("demo")))
                    .toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher literal = LITERAL.matcher(lines.get(i));
                    while (literal.find()) {
                        String text = literal.group(1);
                        for (String word : vocabulary) {
                            if (text.equals(word) || (word.length() >= 12 && text.contains(word))) {
                                found.add(HUB_MAIN.relativize(file) + ":" + (i + 1) + " \"" + word + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertThat(found)
                .as("region words in hub main code; ask the adapter through the SPI instead")
                .isEmpty();
    }

    /** Every word the adapters give the hub, split at the hub's values and at path separators. */
    private static Set<String> vocabulary() {
        Set<String> words = new TreeSet<>();
        for (RegionAdapter adapter : ServiceLoader.load(RegionAdapter.class)) {
            IntakeFields fields = adapter.intakeFields();
            List<String> texts = new ArrayList<>(List.of(fields.revision(), fields.hubReferralId(), fields.status()));
            for (CanonicalField field : CanonicalField.values()) {
                String name = adapter.fieldName(field, 0);
                if (name != null) {
                    texts.add(name);
                }
            }
            adapter.fileBatchReader().ifPresent(reader -> {
                ReceiptTexts receipt = reader.receiptTexts();
                texts.add(receipt.referralReceived(false, null, null));
                texts.add(receipt.referralReceived(true, null, HOLE));
                texts.add(receipt.referralReceived(false, HOLE, HOLE));
                texts.add(receipt.statusApplied(HOLE));
                texts.add(receipt.refused(List.of(new FieldError(HOLE, HOLE))));
            });
            adapter.fhirMessageReader().ifPresent(reader -> texts.addAll(reader.messageDefinitions()));
            for (String text : texts) {
                words.add(text);
                for (String part : text.split(HOLE)) {
                    words.add(part.strip());
                }
                if (!text.contains(" ")) {
                    for (String part : text.split("[./@\\[\\]\\d]+")) {
                        words.add(part);
                    }
                    int slash = text.lastIndexOf('/');
                    if (slash > 0) {
                        words.add(text.substring(0, slash + 1));
                    }
                }
            }
        }
        words.removeIf(word -> word.length() < 4 || HUB_OWN_WORDS.contains(word));
        return words;
    }
}
