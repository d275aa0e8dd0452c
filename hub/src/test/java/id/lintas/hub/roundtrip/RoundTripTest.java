package id.lintas.hub.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FhirMessageReader;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.FileBatchReader;
import id.lintas.contracts.spi.MessageReader;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.RegionAdapter;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.hub.agreement.DataCategory;
import id.lintas.hub.agreement.DataMinimiser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every accepted referral sample of every region, translated to canonical and rendered for every
 * other region, gives a document the receiving region's own contract accepts: Kukar's JSON fields,
 * PPU's RUJUKAN_MASUK header, Prabumulih's XSD, Jakarta's FHIR (a valid R4 transaction). No code
 * may be left unmapped on the way.
 */
class RoundTripTest {

    private static final Map<String, Participant> PARTICIPANTS = Map.of(
            "kukar-json",
                    new Participant("kukar", "DP3A Kabupaten Kutai Kartanegara", "64.02", ZoneId.of("Asia/Makassar")),
            "ppu-csv",
                    new Participant(
                            "ppu", "UPTD PPA Kabupaten Penajam Paser Utara", "64.09", ZoneId.of("Asia/Makassar")),
            "prabumulih-xml",
                    new Participant("prabumulih", "DP2KBPPPA Kota Prabumulih", "16.74", ZoneId.of("Asia/Jakarta")),
            "jakarta-fhir",
                    new Participant("jakarta", "UPTD PPA Provinsi DKI Jakarta", "31", ZoneId.of("Asia/Jakarta")));

    private static final Map<String, RegionAdapter> ADAPTERS = load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ca.uhn.fhir.context.FhirContext FHIR = ca.uhn.fhir.context.FhirContext.forR4Cached();

    private static Map<String, RegionAdapter> load() {
        Map<String, RegionAdapter> adapters = new java.util.HashMap<>();
        ServiceLoader.load(RegionAdapter.class).forEach(a -> adapters.put(a.format(), a));
        return adapters;
    }

    record Case(String sender, String sample, String receiver) {
        @Override
        public String toString() {
            return sample + " -> " + receiver;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String sender : PARTICIPANTS.keySet()) {
            try (Stream<Path> files = Files.list(samples(sender))) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.startsWith("invalid")
                            || name.startsWith("status")
                            || name.startsWith("STATUS")
                            || name.startsWith("message-status")) {
                        continue;
                    }
                    for (String receiver : PARTICIPANTS.keySet()) {
                        if (!receiver.equals(sender)) {
                            cases.add(new Case(sender, name, receiver));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    /**
     * The one referral a receiver's format cannot carry: Kukar knows this incident only to the month,
     * and Prabumulih's XSD requires a full date. The hub does not invent a day: the adapter refuses with
     * the field, and routing refuses that receiver at intake with the same field (clause FORMAT, see
     * {@code AgreementRoutingExamplesTest}), so the sender learns it before anything is sent.
     */
    private static final Map<String, String> CANNOT_CARRY =
            Map.of("referral-tppo-to-ppu.json -> prabumulih-xml", "/kasus/kejadian/tanggal");

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyAcceptedSampleRendersForEveryOtherRegion(Case c) throws Exception {
        RegionAdapter receiver = ADAPTERS.get(c.receiver());
        for (CanonicalReferral referral : read(c.sender(), c.sample())) {
            // As routing does: a receiver is asked only for services its format has a code for (an agreement
            // naming it for others is refused at registration), and the minimiser keeps only those.
            List<String> carried = requestedServices(referral.bundle()).stream()
                    .filter(receiver::carriesService)
                    .toList();
            Bundle granted = DataMinimiser.reduce(referral.bundle(), EnumSet.allOf(DataCategory.class), carried);
            OutboundReferral outbound = CanonicalReader.standard()
                    .outbound(UUID.randomUUID().toString(), PARTICIPANTS.get(c.sender()), granted);
            String field = CANNOT_CARRY.get(c.toString());
            if (field != null) {
                assertThatThrownBy(() -> receiver.renderReferral(outbound, PARTICIPANTS.get(c.receiver())))
                        .isInstanceOf(TranslationException.class)
                        .satisfies(e -> assertThat(((TranslationException) e).errors())
                                .extracting(FieldError::field)
                                .contains(field));
                continue;
            }
            assertAcceptedBy(c.receiver(), receiver.renderReferral(outbound, PARTICIPANTS.get(c.receiver())));
        }
    }

    /** LPSK protection: Prabumulih and Jakarta have a code for it; Kukar's and PPU's lists do not. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("receivers")
    void aServiceOutsideTheReceiversListIsAnErrorNamingFieldAndCode(String format, String field) throws Exception {
        RegionAdapter receiver = ADAPTERS.get(format);
        assertThat(receiver.carriesService("PERLINDUNGAN_LPSK")).isFalse();
        assertThat(receiver.carriesService("BANTUAN_HUKUM")).isTrue();
        CanonicalReferral lpsk =
                read("prabumulih-xml", "kasus-tppo-jakarta.xml").get(0);
        assertThat(requestedServices(lpsk.bundle())).contains("PERLINDUNGAN_LPSK");
        OutboundReferral outbound = CanonicalReader.standard()
                .outbound(UUID.randomUUID().toString(), PARTICIPANTS.get("prabumulih-xml"), lpsk.bundle());

        assertThatThrownBy(() -> receiver.renderReferral(outbound, PARTICIPANTS.get(format)))
                .isInstanceOf(TranslationException.class)
                .satisfies(e -> assertThat(((TranslationException) e).errors()).anySatisfy(error -> {
                    assertThat(error.field()).isEqualTo(field);
                    assertThat(error.reason()).contains("PERLINDUNGAN_LPSK");
                }));
    }

    static Stream<Arguments> receivers() {
        return Stream.of(
                Arguments.of("kukar-json", "layanan_diminta[2]"), Arguments.of("ppu-csv", "Layanan Dibutuhkan"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void lpskProtectionIsCarriedWhereTheListHasIt(String format) {
        assertThat(ADAPTERS.get(format).carriesService("PERLINDUNGAN_LPSK")).isTrue();
        assertThat(ADAPTERS.get(format).carriesService("NO_SUCH_SERVICE")).isFalse();
    }

    static Stream<String> formats() {
        return Stream.of("prabumulih-xml", "jakarta-fhir");
    }

    private static List<String> requestedServices(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(ServiceRequest.class::isInstance)
                .map(r -> ((ServiceRequest) r).getCode().getCodingFirstRep().getCode())
                .toList();
    }

    private static List<CanonicalReferral> read(String sender, String sample) throws Exception {
        byte[] content = Files.readAllBytes(samples(sender).resolve(sample));
        RegionAdapter adapter = ADAPTERS.get(sender);
        if (adapter instanceof FhirMessageReader reader) {
            return List.of((CanonicalReferral) reader.readMessage(content, PARTICIPANTS.get(sender)));
        }
        if (adapter instanceof MessageReader reader) {
            return List.of(reader.readReferral(content, PARTICIPANTS.get(sender)));
        }
        List<CanonicalReferral> referrals = new ArrayList<>();
        for (var item : ((FileBatchReader) adapter)
                .readFile(sample, content, PARTICIPANTS.get(sender))
                .items()) {
            assertThat(item.errors()).as("rows of an accepted sample").isEmpty();
            referrals.add((CanonicalReferral) item.message());
        }
        return referrals;
    }

    private static void assertAcceptedBy(String receiver, OutboundDocument document) throws Exception {
        String text = new String(document.content(), StandardCharsets.UTF_8);
        switch (receiver) {
            case "kukar-json" -> {
                JsonNode json = JSON.readTree(text);
                for (String field : List.of(
                        "id_rujukan_hub",
                        "no_registrasi",
                        "jenis_rujukan",
                        "tgl_lapor",
                        "korban",
                        "bentuk_kekerasan",
                        "layanan_diminta",
                        "persetujuan")) {
                    assertThat(json.has(field)).as("Kukar requires " + field).isTrue();
                }
                assertThat(json.path("korban").size()).isPositive();
            }
            case "ppu-csv" -> {
                String header = text.lines().findFirst().orElseThrow().replace("\uFEFF", "");
                assertThat(header).startsWith("No;No Registrasi;Jenis Rujukan;").contains("ID Rujukan Hub");
                assertThat(text.lines().count()).isGreaterThan(1);
            }
            case "prabumulih-xml" -> {
                try (InputStream xsd = RoundTripTest.class.getResourceAsStream("/xsd/prabumulih-kasus-2.xsd")) {
                    SchemaFactory factory = SchemaFactory.newDefaultInstance();
                    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                    factory.newSchema(new StreamSource(xsd))
                            .newValidator()
                            .validate(new StreamSource(new ByteArrayInputStream(document.content())));
                }
            }
            case "jakarta-fhir" -> {
                Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, text);
                assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
                assertThat(bundle.getEntry())
                        .extracting(e -> e.getResource().fhirType())
                        .contains("Task", "Patient");
                assertThat(FHIR.newValidator().validateWithResult(bundle).getMessages())
                        .filteredOn(m ->
                                m.getSeverity().ordinal() >= ca.uhn.fhir.validation.ResultSeverityEnum.ERROR.ordinal())
                        .isEmpty();
            }
            default -> throw new IllegalArgumentException(receiver);
        }
    }

    private static Path samples(String format) {
        return Path.of(System.getProperty("lintas.shared.dir", "../../shared"), "domain", "regions", format, "samples");
    }
}
