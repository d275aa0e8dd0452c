package id.lintas.adapter.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.InboundMessage;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;

/** Jakarta's published samples (the outside world, read-only) and the participants the tests use. */
final class JakartaSamples {

    static final Participant JAKARTA =
            new Participant("jakarta", "UPTD PPA Provinsi DKI Jakarta", "31", ZoneId.of("Asia/Jakarta"));
    static final Participant KUKAR =
            new Participant("kukar", "DP3A Kabupaten Kutai Kartanegara", "64.02", ZoneId.of("Asia/Makassar"));
    static final Participant PPU =
            new Participant("ppu", "UPTD PPA Kabupaten Penajam Paser Utara", "64.09", ZoneId.of("Asia/Makassar"));

    static final String REFERRAL = "message-rujukan-baru-kukar.json";
    static final String STATUS_ACCEPTED = "message-status-diterima.json";
    static final String INVALID_NOT_A_MESSAGE = "invalid-not-a-message.json";
    static final String INVALID_GENDER = "invalid-patient-gender.json";

    /** Identifying values in the samples, which no error reason may quote. */
    static final List<String> IDENTIFYING = List.of(
            "Nur Hasanah",
            "6402064303960007",
            "+6285250123456",
            "085250123456",
            "Danau Aji",
            "Linda",
            "1996-03-03",
            "dipukul");

    static final JakartaFhirAdapter ADAPTER = new JakartaFhirAdapter();
    static final FhirContext FHIR = FhirContext.forR4Cached();

    private JakartaSamples() {}

    static Path dir() {
        String shared = System.getProperty("lintas.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("system property lintas.shared.dir is not set (surefire sets it)");
        }
        return Path.of(shared, "domain", "regions", "jakarta-fhir", "samples");
    }

    static List<String> all() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String sample) {
        try {
            return Files.readString(dir().resolve(sample), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InboundMessage read(String sample) throws TranslationException {
        return readText(text(sample));
    }

    static InboundMessage readText(String json) throws TranslationException {
        return ADAPTER.readMessage(json.getBytes(StandardCharsets.UTF_8), JAKARTA);
    }

    static CanonicalReferral referral() throws TranslationException {
        InboundMessage message = read(REFERRAL);
        assertThat(message).isInstanceOf(CanonicalReferral.class);
        return (CanonicalReferral) message;
    }

    /** The errors a message is refused with; fails if it is accepted. */
    static TranslationException refused(String json) {
        TranslationException e = catchThrowableOfType(TranslationException.class, () -> readText(json));
        assertThat(e).as("the message should be refused").isNotNull();
        return e;
    }

    /** The sample with one exact piece of text replaced; fails if the text is not in it. */
    static String withReplaced(String sample, String from, String to) {
        String text = text(sample);
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    static Bundle parse(byte[] content) {
        return FHIR.newJsonParser().parseResource(Bundle.class, new String(content, StandardCharsets.UTF_8));
    }
}
