package id.lintas.hub.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.canonical.CanonicalWriter;
import id.lintas.contracts.canonical.CompactJson;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FhirMessageReader;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.FileBatch;
import id.lintas.contracts.spi.FileBatchReader;
import id.lintas.contracts.spi.MessageReader;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.RegionAdapter;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.hub.agreement.DataCategory;
import id.lintas.hub.agreement.DataMinimiser;
import id.lintas.hub.platform.FhirConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The canonical Bundles the four adapters produce today for every accepted referral sample, and the
 * documents their writers render from them for every other region, pinned as golden files under
 * {@code src/test/resources/golden}. A redesign of the canonical model must keep them identical.
 *
 * <p>Run with {@code -Dlintas.golden.write=true} to (re)write the files instead of comparing; a
 * rewrite is a change of behaviour and needs its own commit saying why. {@code urn:uuid:} values are
 * renumbered in order of first appearance, so the files do not depend on random entry ids.
 */
class CanonicalGoldenTest {

    /** The reference participants as the hub's application.yml configures them. */
    private static final Map<String, Participant> PARTICIPANTS = participants();

    private static final Map<String, RegionAdapter> ADAPTERS = adapters();
    /** The hub's context, as {@code FhirConfiguration} sets it: the goldens hold under the hub's parser options. */
    private static final FhirContext FHIR = FhirConfiguration.configure(FhirContext.forR4Cached());

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean WRITE = Boolean.getBoolean("lintas.golden.write");
    private static final Pattern URN_UUID =
            Pattern.compile("urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static Map<String, Participant> participants() {
        Map<String, Participant> participants = new LinkedHashMap<>();
        participants.put(
                "kukar-json",
                new Participant("kukar", "DP3A Kabupaten Kutai Kartanegara", "64.02", ZoneId.of("Asia/Makassar")));
        participants.put(
                "ppu-csv",
                new Participant("ppu", "UPTD PPA Kabupaten Penajam Paser Utara", "64.09", ZoneId.of("Asia/Makassar")));
        participants.put(
                "prabumulih-xml",
                new Participant(
                        "prabumulih", "DP2KBPPPA Kota Prabumulih (Satu Layanan)", "16.74", ZoneId.of("Asia/Jakarta")));
        participants.put(
                "jakarta-fhir",
                new Participant("jakarta", "UPTD PPA Provinsi DKI Jakarta", "31", ZoneId.of("Asia/Jakarta")));
        return participants;
    }

    private static Map<String, RegionAdapter> adapters() {
        Map<String, RegionAdapter> adapters = new HashMap<>();
        ServiceLoader.load(RegionAdapter.class).forEach(a -> adapters.put(a.format(), a));
        return adapters;
    }

    /** One accepted referral read from a sample; {@code name} is the sample's, with the item's number for a file of several. */
    record Sample(String format, String name, CanonicalReferral referral) {
        @Override
        public String toString() {
            return format + "/" + name;
        }

        String participant() {
            return PARTICIPANTS.get(format).id();
        }
    }

    record Rendering(Sample sample, String receiverFormat) {
        @Override
        public String toString() {
            return sample + " -> " + receiverFormat;
        }
    }

    static Stream<Sample> samples() throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (String format : PARTICIPANTS.keySet()) {
            for (Path file : referralSamples(format)) {
                samples.addAll(read(format, file));
            }
        }
        return samples.stream();
    }

    static Stream<Rendering> renderings() throws Exception {
        return samples()
                .flatMap(sample -> PARTICIPANTS.keySet().stream()
                        .filter(receiver -> !receiver.equals(sample.format()))
                        .map(receiver -> new Rendering(sample, receiver)));
    }

    /**
     * Byte for byte, except where {@link #comparable} says how an adapter's Bundle of today differs
     * from what {@link CanonicalWriter} writes (PPU's entry order, Jakarta's missing displays): for
     * those the golden file and the Bundle are compared with that difference taken out.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theCanonicalBundleOfEverySampleIsTheGoldenOne(Sample sample) throws IOException {
        Path file = GOLDEN.resolve(sample.participant()).resolve(sample.name() + ".json");
        String actual = canonicalJson(sample.referral().bundle());
        if (WRITE || !KNOWN_DIFFERENCES.contains(sample.participant())) {
            compare(file, actual);
            return;
        }
        Bundle golden =
                FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(file, StandardCharsets.UTF_8));
        assertThat(comparable(sample.participant(), sample.referral().bundle()))
                .isEqualTo(comparable(sample.participant(), golden));
    }

    /**
     * The typed model carries everything the adapters put in the Bundle today: reading a golden
     * Bundle and writing it again gives the same Bundle.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writingWhatTheReaderReadsGivesTheSameBundle(Sample sample) {
        Bundle bundle = sample.referral().bundle();
        Referral referral = CanonicalReader.standard().read(bundle);

        String rewritten =
                comparable(sample.participant(), CanonicalWriter.standard().write(referral));
        String original = comparable(sample.participant(), bundle);
        if (!rewritten.equals(original)) {
            String name = sample.participant() + "-" + sample.name();
            keepForDiff(Path.of("target", "golden-roundtrip", name + ".rewritten.json"), rewritten);
            keepForDiff(Path.of("target", "golden-roundtrip", name + ".original.json"), original);
        }
        assertThat(rewritten).isEqualTo(original);
        assertThat(referral.sourceCaseNumber()).isEqualTo(sample.referral().sourceReference());
        assertThat(referral.revision()).isEqualTo(sample.referral().revision());
    }

    /**
     * What each adapter's writer renders from every golden Bundle, unminimised and unrouted; where a
     * receiver's format cannot carry the Bundle today, the field errors are pinned instead.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyRegionRendersEveryGoldenBundleAsBefore(Rendering rendering) {
        Rendered rendered = render(rendering, rendering.sample().referral().bundle());
        compare(rendered.file(), rendered.text());
    }

    /**
     * The typed model an adapter hands over with its Bundle renders, for every receiver, as the Bundle
     * read again does: the hub checks at intake from the model what it renders at delivery from the
     * stored Bundle, so what was checked is what is sent.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theAdaptersModelRendersAsItsBundleReadAgain(Rendering rendering) {
        CanonicalReferral referral = rendering.sample().referral();
        assertThat(render(rendering, referral.model()).text())
                .isEqualTo(render(rendering, referral.bundle()).text());
    }

    /**
     * What the intake keeps for delivery ({@code RecentReferrals}: the adapter's model with its owner
     * named) is what the record holds: the Bundle with the owner assigned, read again, is the same model
     * and renders, for every receiver, to the same bytes.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theModelKeptForDeliveryIsTheRecordedBundleReadAgain(Rendering rendering) {
        CanonicalReferral referral = rendering.sample().referral();
        Party owner = Party.of(PARTICIPANTS.get(rendering.receiverFormat()));
        Bundle recorded = referral.bundle().copy();
        CanonicalWriter.standard().assignDestination(recorded, owner);
        Referral kept = referral.model().withDestination(owner);

        assertThat(kept).isEqualTo(CanonicalReader.standard().read(recorded));
        assertThat(render(rendering, kept).text())
                .isEqualTo(render(rendering, recorded).text());
    }

    /**
     * The JSON the hub records at intake ({@code CompactJson}) is HAPI's for every sample's Bundle, as
     * sent and with its owner named, and is written without falling back to HAPI's parser.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theRecordedJsonIsHapisJsonOfTheBundle(Rendering rendering) {
        Bundle recorded = rendering.sample().referral().bundle().copy();
        CompactJson compact = new CompactJson(FHIR);
        assertThat(compact.write(recorded)).isEqualTo(FHIR.newJsonParser().encodeResourceToString(recorded));
        CanonicalWriter.standard().assignDestination(recorded, Party.of(PARTICIPANTS.get(rendering.receiverFormat())));
        assertThat(compact.write(recorded)).isEqualTo(FHIR.newJsonParser().encodeResourceToString(recorded));
    }

    /** A rendering's golden file and what the receiver's adapter renders from {@code bundle}. */
    record Rendered(Path file, String text) {}

    private static Rendered render(Rendering rendering, Bundle bundle) {
        return render(rendering, CanonicalReader.standard().read(bundle));
    }

    private static Rendered render(Rendering rendering, Referral referral) {
        Sample sample = rendering.sample();
        Participant receiver = PARTICIPANTS.get(rendering.receiverFormat());
        OutboundReferral outbound = new OutboundReferral(
                "hub-" + sample.participant() + "-" + sample.name(), PARTICIPANTS.get(sample.format()), referral);
        String base = sample.participant() + "-" + sample.name() + ".to-" + receiver.id();
        try {
            OutboundDocument document = ADAPTERS.get(rendering.receiverFormat()).renderReferral(outbound, receiver);
            return new Rendered(
                    GOLDEN.resolve("render").resolve(base + extension(document.mediaType())),
                    "target: " + document.target() + "\nmedia type: " + document.mediaType() + "\n\n"
                            + renumbered(new String(document.content(), StandardCharsets.UTF_8)));
        } catch (TranslationException e) {
            return new Rendered(
                    GOLDEN.resolve("render").resolve(base + ".errors.txt"),
                    e.errors().stream().map(FieldError::toString).collect(Collectors.joining("\n", "", "\n")));
        }
    }

    /**
     * A receiver's copy with every category granted and every requested service asked for is the
     * referral itself: written anew from the typed model by the minimiser, it renders to the same
     * bytes as the golden rendering of the adapter's own Bundle (for PPU to Jakarta, but for the SDV
     * label's display).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void aFullyGrantedCopyRendersAsTheGoldenDocument(Rendering rendering) throws Exception {
        Sample sample = rendering.sample();
        Bundle bundle = sample.referral().bundle();
        Bundle copy = DataMinimiser.reduce(
                bundle,
                java.util.EnumSet.allOf(DataCategory.class),
                CanonicalReader.standard().read(bundle).services());
        Rendered rendered = render(rendering, copy);
        Path file = rendered.file();
        assertThat(file).exists();
        String actual = rendered.text();
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (sample.participant().equals("ppu") && rendering.receiverFormat().equals("jakarta-fhir")) {
            // The one difference that reaches a rendering: PPU's adapter labelled SDV without a display,
            // the writer with v3-ActCode's display, and Jakarta's renderer copies the label as it is.
            String display = ",\"display\":\"" + Canonical.SENSITIVITY_SDV_DISPLAY + "\"";
            actual = actual.replace(display, "");
            expected = expected.replace(display, "");
        }
        if (!actual.equals(expected)) {
            keepForDiff(Path.of("target", "golden-minimised").resolve(file.getFileName()), actual);
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** Participants whose adapter's Bundle of today differs from the writer's in what the model does not carry. */
    private static final java.util.Set<String> KNOWN_DIFFERENCES = java.util.Set.of("ppu", "jakarta");

    /**
     * The Bundle as JSON with the differences the typed model does not carry taken out, on both sides
     * of a comparison: PPU's adapter adds entries in another order (Organization and Practitioner
     * after the Task, each consent giver just before its Consent, ServiceRequests last), labels SDV
     * without a display and calls the LOINC consent category "Patient Consent"; Jakarta's adapter keeps the hub codes a ConceptMap gave it without displays
     * and calls the LOINC consent category "Patient Consent". Entry order and displays are the
     * writer's; everything else is compared as it is.
     */
    static String comparable(String participant, Bundle bundle) {
        Bundle copy = bundle.copy();
        if (participant.equals("ppu")) {
            List<Bundle.BundleEntryComponent> entries = new ArrayList<>(copy.getEntry());
            entries.sort(java.util.Comparator.comparingInt(e -> rank(e.getResource())));
            copy.setEntry(entries);
            displays(
                    copy,
                    coding -> Canonical.V3_ACT_CODE.equals(coding.getSystem())
                            || Canonical.LOINC.equals(coding.getSystem()));
        }
        if (participant.equals("jakarta")) {
            displays(
                    copy,
                    coding -> coding.hasSystem()
                            && (coding.getSystem().startsWith(Canonical.CS)
                                    || Canonical.LOINC.equals(coding.getSystem())));
        }
        return canonicalJson(copy);
    }

    /** The writer's entry order. */
    private static int rank(Resource resource) {
        String profile = resource.getMeta().hasProfile()
                ? resource.getMeta().getProfile().get(0).getValue()
                : "";
        return switch (resource.fhirType()) {
            case "Task" -> 0;
            case "ServiceRequest" -> 1;
            case "Patient" -> 2;
            case "Condition" -> 3;
            case "RelatedPerson" -> Canonical.PROFILE_PERPETRATOR.equals(profile) ? 4 : 5;
            case "Consent" -> 6;
            case "Organization" -> 7;
            default -> 8;
        };
    }

    private static void displays(Bundle bundle, java.util.function.Predicate<Coding> which) {
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            FHIR.newTerser().getAllPopulatedChildElementsOfType(entry.getResource(), Coding.class).stream()
                    .filter(which)
                    .forEach(coding -> coding.setDisplay(null));
        }
    }

    /** The Bundle as HAPI's JSON parser writes it, pretty, with urn:uuid values renumbered. */
    static String canonicalJson(Bundle bundle) {
        return renumbered(FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle)) + "\n";
    }

    /** Replaces each distinct urn:uuid by a numbered one, in order of first appearance. */
    static String renumbered(String text) {
        Map<String, String> numbers = new HashMap<>();
        Matcher matcher = URN_UUID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String number = numbers.computeIfAbsent(
                    matcher.group().toLowerCase(java.util.Locale.ROOT),
                    key -> String.format("urn:uuid:00000000-0000-0000-0000-%012d", numbers.size() + 1));
            matcher.appendReplacement(out, number);
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void compare(Path file, String actual) {
        try {
            if (WRITE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (Files.exists(file) && !actual.equals(Files.readString(file, StandardCharsets.UTF_8))) {
                keepForDiff(Path.of("target", "golden-actual").resolve(GOLDEN.relativize(file)), actual);
            }
            assertThat(file)
                    .as("golden file (write it with -Dlintas.golden.write=true)")
                    .exists();
            assertThat(actual).as(file.toString()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps what a test got where it differs, to diff with the golden file. */
    private static void keepForDiff(Path file, String actual) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(String mediaType) {
        if (mediaType.contains("csv")) {
            return ".csv";
        }
        if (mediaType.contains("xml")) {
            return ".xml";
        }
        return ".json";
    }

    /** The samples of a region that its folder says are referrals to be accepted. */
    private static List<Path> referralSamples(String format) throws IOException {
        try (Stream<Path> files = Files.list(samplesDir(format))) {
            return files.filter(file -> {
                        String name = file.getFileName().toString();
                        return !name.startsWith("invalid")
                                && !name.toLowerCase(java.util.Locale.ROOT).startsWith("status")
                                && !name.startsWith("message-status");
                    })
                    .sorted()
                    .toList();
        }
    }

    private static List<Sample> read(String format, Path file) throws Exception {
        byte[] content = Files.readAllBytes(file);
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.lastIndexOf('.'));
        RegionAdapter adapter = ADAPTERS.get(format);
        Participant sender = PARTICIPANTS.get(format);
        if (adapter instanceof FhirMessageReader reader) {
            return List.of(new Sample(format, name, (CanonicalReferral) reader.readMessage(content, sender)));
        }
        if (adapter instanceof MessageReader reader) {
            return List.of(new Sample(format, name, reader.readReferral(content, sender)));
        }
        List<Sample> samples = new ArrayList<>();
        List<FileBatch.Item> items =
                ((FileBatchReader) adapter).readFile(fileName, content, sender).items();
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).errors()).as("rows of an accepted sample").isEmpty();
            samples.add(new Sample(format, name + "-" + (i + 1), (CanonicalReferral)
                    items.get(i).message()));
        }
        return samples;
    }

    private static Path samplesDir(String format) {
        return Path.of(System.getProperty("lintas.shared.dir", "../../shared"), "domain", "regions", format, "samples");
    }
}
