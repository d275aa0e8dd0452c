package id.lintas.adapter.prabumulih;

import static id.lintas.adapter.prabumulih.PrabumulihSamples.ADAPTER;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.CHILD;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.JAKARTA;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.KUKAR;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.PRABUMULIH;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.TPPO;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.count;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.dom;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.render;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.xpath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.TranslationException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

class PrabumulihRenderReferralTest {

    private static final String HUB_ID = "0b8e6f7e-5d4c-4f1a-9a51-1c2d3e4f5a6b";

    static List<String> validReferrals() {
        return PrabumulihSamples.validReferrals();
    }

    /** Native -> canonical -> native, for a Prabumulih receiver: the schema accepts it and every field of the sample is kept. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("validReferrals")
    void roundTripKeepsEveryFieldOfTheSample(String sample) throws Exception {
        byte[] rendered = render(PrabumulihSamples.read(sample).bundle(), PRABUMULIH, PRABUMULIH);

        assertThat(PrabumulihSamples.schemaProblems(rendered)).isEmpty();
        Map<String, String> expected = flatten(dom(PrabumulihSamples.bytes(sample)));
        Map<String, String> actual = flatten(dom(rendered));
        assertThat(actual.get("/kasus/id_rujukan_hub")).isEqualTo("hub-ref-1");
        assertThat(actual.get("/kasus/asal/@kotkab")).isEqualTo("1674");
        assertThat(actual.get("/kasus/asal/@instansi")).isEqualTo("DP2KBPPPA Kota Prabumulih");
        // The officer's unit is the sending organisation, which the model keys on the participant.
        assertThat(actual.get("/kasus/petugas/@unit")).isEqualTo("DP2KBPPPA Kota Prabumulih");
        expected.remove("/kasus/petugas/@unit");
        // A phone is kept in E.164 (+62...), one of the two forms FORMAT.md allows.
        expected.computeIfPresent(
                "/kasus/klien[1]/no_telp",
                (k, v) -> "+62" + v.replaceAll("\\D", "").substring(1));
        assertThat(actual).containsAllEntriesOf(expected);
        assertThat(expected).as("the comparison covers the sample").hasSizeGreaterThan(30);
    }

    @Test
    void rendersToPrabumulihsReferralEndpointAsXml() throws Exception {
        OutboundDocument document = ADAPTER.renderReferral(
                CanonicalReader.standard()
                        .outbound(
                                HUB_ID,
                                PRABUMULIH,
                                PrabumulihSamples.read(CHILD).bundle()),
                PRABUMULIH);

        assertThat(document.target()).isEqualTo("/satulayanan/api/v2/rujukan");
        assertThat(document.mediaType()).isEqualTo("application/xml");
        Document body = dom(document.content());
        assertThat(body.getDocumentElement().getLocalName()).isEqualTo("kasus");
        assertThat(body.getDocumentElement().getNamespaceURI()).isEqualTo("urn:prabumulih:satulayanan:kasus:2");
        assertThat(xpath(body, "/p:kasus/p:id_rujukan_hub")).isEqualTo(HUB_ID);
    }

    @Test
    void rendersTimesInTheReceiversZone() throws Exception {
        Bundle bundle = PrabumulihSamples.read(TPPO).bundle();

        assertThat(xpath(dom(render(bundle, PRABUMULIH, PRABUMULIH)), "/p:kasus/p:tanggal_pelaporan"))
                .isEqualTo("2025-07-16T10:20:00");
        assertThat(xpath(dom(render(bundle, PRABUMULIH, KUKAR)), "/p:kasus/p:tanggal_pelaporan"))
                .as("WITA")
                .isEqualTo("2025-07-16T11:20:00");
    }

    @Test
    void rendersACaseFromAnotherRegionWithOnlyWhatItHas() throws Exception {
        // A bundle as Kukar's adapter builds it: Kukar's case number, no Prabumulih uuid, no
        // intake channel, no district, an officer without NIP, a victim with a Kukar domicile.
        Bundle bundle = PrabumulihSamples.read(CHILD).bundle();
        Task task = Bundles.task(bundle);
        task.getIdentifier().clear();
        task.addIdentifier(
                new Identifier().setSystem(Canonical.sourceCaseSystem("kukar")).setValue("KKR/2025/0412"));
        task.getExtension().removeIf(e -> e.getUrl().equals(Canonical.EXT_INTAKE_CHANNEL));
        Patient child = Bundles.all(bundle, Patient.class).get(0);
        child.getAddressFirstRep()
                .getExtensionByUrl(Canonical.EXT_ADMINISTRATIVE_CODE)
                .getExtension()
                .removeIf(e -> e.getUrl().equals("district"));
        Bundles.first(bundle, Practitioner.class).orElseThrow().getIdentifier().clear();

        byte[] first = render(bundle, KUKAR, PRABUMULIH);
        Document body = dom(first);

        assertThat(PrabumulihSamples.schemaProblems(first)).isEmpty();
        assertThat(xpath(body, "/p:kasus/@no_reg")).isEqualTo("KKR/2025/0412");
        String uuid = xpath(body, "/p:kasus/@uuid");
        assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(xpath(dom(render(bundle, KUKAR, PRABUMULIH)), "/p:kasus/@uuid"))
                .as("same referral, same id")
                .isEqualTo(uuid);
        assertThat(xpath(
                        dom(ADAPTER.renderReferral(
                                        CanonicalReader.standard().outbound("another", KUKAR, bundle), PRABUMULIH)
                                .content()),
                        "/p:kasus/@uuid"))
                .as("another referral, another id")
                .isNotEqualTo(uuid);
        assertThat(count(body, "/p:kasus/p:media_pengaduan")).isZero();
        assertThat(xpath(body, "/p:kasus/p:asal/@kotkab")).isEqualTo("6402");
        assertThat(xpath(body, "/p:kasus/p:asal/@instansi")).isEqualTo("DP3A Kabupaten Kutai Kartanegara");
        assertThat(xpath(body, "/p:kasus/p:klien/p:alamat/@kotkab")).isEqualTo("6402");
        assertThat(count(body, "/p:kasus/p:klien/p:alamat/@kecamatan")).isZero();
        assertThat(count(body, "/p:kasus/p:petugas/@nip")).isZero();
        assertThat(xpath(body, "/p:kasus/p:petugas/@unit")).isEqualTo("DP3A Kabupaten Kutai Kartanegara");
    }

    @Test
    void leavesOutEveryElementTheBundleLacks() throws Exception {
        Bundle bundle = PrabumulihSamples.read(TPPO).bundle();
        Patient victim = Bundles.all(bundle, Patient.class).get(0);
        victim.getIdentifier().clear();
        victim.getTelecom().clear();
        victim.getName().clear();
        victim.getAddressFirstRep().getLine().clear();
        Task task = Bundles.task(bundle);
        task.getNote().clear();
        task.setReasonCode(null);
        bundle.getEntry()
                .removeIf(e -> e.getResource() instanceof Consent
                        || e.getResource() instanceof Practitioner
                        || e.getResource() instanceof RelatedPerson);

        byte[] rendered = render(bundle, PRABUMULIH, PRABUMULIH);
        Document body = dom(rendered);

        assertThat(PrabumulihSamples.schemaProblems(rendered)).isEmpty();
        for (String absent : List.of(
                "p:klien/p:nik",
                "p:klien/p:no_telp",
                "p:klien/p:nama",
                "p:terlapor",
                "p:kejadian/p:ringkasan",
                "p:rujukan/p:alasan",
                "p:persetujuan",
                "p:petugas")) {
            assertThat(count(body, "/p:kasus/" + absent)).as(absent).isZero();
        }
        assertThat(xpath(body, "/p:kasus/p:klien/p:alamat/@kotkab")).isEqualTo("1674");
        assertThat(xpath(body, "/p:kasus/p:klien/p:alamat")).isEmpty();
        assertThat(new String(rendered, StandardCharsets.UTF_8))
                .doesNotContain("Yuliana")
                .doesNotContain("Lestari")
                .doesNotContain("1674026706000005");
    }

    @Test
    void takesTheDestinationFromTheOrganisationTheHubRoutedTo() throws Exception {
        Bundle bundle = PrabumulihSamples.read(TPPO).bundle();
        Organization jakartaSelatan = new Organization();
        jakartaSelatan.addIdentifier(
                new Identifier().setSystem(Canonical.SID_PARTICIPANT).setValue("jakarta"));
        Extension administrativeCode = new Extension(Canonical.EXT_ADMINISTRATIVE_CODE);
        administrativeCode.addExtension("province", new CodeType("31"));
        administrativeCode.addExtension("city", new CodeType("3174"));
        jakartaSelatan.addAddress().addExtension(administrativeCode);
        Bundles.task(bundle).setOwner(Bundles.add(bundle, jakartaSelatan));

        assertThat(xpath(dom(render(bundle, PRABUMULIH, PRABUMULIH)), "/p:kasus/p:rujukan/p:tujuan_kotkab"))
                .isEqualTo("3174");
    }

    @Test
    void derivesTheCaseCategoryFromTheFormsAndTheFirstVictim() throws Exception {
        Bundle bundle = PrabumulihSamples.read(CHILD).bundle();
        Patient victim = Bundles.all(bundle, Patient.class).get(0);
        assertThat(category(bundle)).as("a child of 10").isEqualTo("200");

        victim.getExtension().removeIf(e -> e.getUrl().equals(Canonical.EXT_AGE));
        victim.setBirthDateElement(new DateType("1990-01-31"));
        assertThat(category(bundle)).as("a man of 35").isEqualTo("900");

        victim.setGender(AdministrativeGender.FEMALE);
        assertThat(category(bundle)).as("a woman of 35").isEqualTo("100");

        victim.setBirthDateElement(new DateType("2007-07-20"));
        assertThat(category(bundle))
                .as("a girl who turns 18 the day after the report")
                .isEqualTo("200");

        victim.setBirthDateElement(new DateType("2007-07-19"));
        assertThat(category(bundle))
                .as("a woman who turned 18 on the day of the report")
                .isEqualTo("100");

        Bundles.all(bundle, Condition.class)
                .get(0)
                .getCode()
                .getCodingFirstRep()
                .setCode("TPPO");
        assertThat(category(bundle)).as("trafficking comes first").isEqualTo("300");
    }

    @Test
    void mapsLossyHubCodesToOnePrabumulihCode() throws Exception {
        Bundle bundle = PrabumulihSamples.read(TPPO).bundle();
        Task task = Bundles.task(bundle);
        Patient victim = Bundles.all(bundle, Patient.class).get(0);
        ((Coding) victim.getExtensionByUrl(Canonical.EXT_EDUCATION).getValue()).setCode("PERGURUAN_TINGGI");
        victim.addExtension(Canonical.EXT_DISABILITY, new Coding(Canonical.CS_DISABILITY, "FISIK", null));
        victim.addExtension(Canonical.EXT_DISABILITY, new Coding(Canonical.CS_DISABILITY, "SENSORIK", null));
        ((Coding) Bundles.all(bundle, Condition.class)
                        .get(0)
                        .getExtensionByUrl(Canonical.EXT_INCIDENT_PLACE)
                        .getValue())
                .setCode("LEMBAGA_PENDIDIKAN_KILAT");
        Bundles.all(bundle, RelatedPerson.class)
                .get(0)
                .getRelationship()
                .get(0)
                .getCodingFirstRep()
                .setCode("TIDAK_DIKETAHUI");
        ((Coding) task.getExtensionByUrl(Canonical.EXT_INTAKE_CHANNEL).getValue()).setCode("CALL_112");
        task.getCode().getCodingFirstRep().setCode("PELIMPAHAN");

        Document body = dom(render(bundle, JAKARTA, PRABUMULIH));

        assertThat(xpath(body, "/p:kasus/p:klien/p:pendidikan")).isEqualTo("S1");
        assertThat(xpath(body, "/p:kasus/p:klien/p:disabilitas"))
                .as("two kinds together")
                .isEqualTo("GANDA");
        assertThat(xpath(body, "/p:kasus/p:kejadian/p:kategori_lokasi")).isEqualTo("LN");
        assertThat(xpath(body, "/p:kasus/p:terlapor/p:hubungan")).isEqualTo("99");
        assertThat(xpath(body, "/p:kasus/p:media_pengaduan"))
                .as("a 112 call is a phone complaint")
                .isEqualTo("B");
        assertThat(xpath(body, "/p:kasus/p:jenis_rujukan")).isEqualTo("PELIMPAHAN");
        assertThat(xpath(body, "/p:kasus/p:asal/@kotkab"))
                .as("a province without dots")
                .isEqualTo("31");
    }

    @Test
    void refusesToRenderHubCodesPrabumulihHasNoEquivalentFor() throws Exception {
        Bundle bundle = PrabumulihSamples.read(TPPO).bundle();
        Bundles.all(bundle, ServiceRequest.class)
                .get(1)
                .getCode()
                .getCodingFirstRep()
                .setCode("VISUM");
        ((Coding) Bundles.task(bundle)
                        .getExtensionByUrl(Canonical.EXT_INTAKE_CHANNEL)
                        .getValue())
                .setCode("PANIC_BUTTON");

        TranslationException e = refusedToRender(bundle);

        assertThat(e.errors())
                .containsExactlyInAnyOrder(
                        new FieldError(
                                "/kasus/layanan_diminta/layanan[2]/@kode",
                                "code 'VISUM' has no equivalent in prabumulih's list layanan"),
                        new FieldError(
                                "/kasus/media_pengaduan",
                                "code 'PANIC_BUTTON' has no equivalent in prabumulih's list media_pengaduan"));
    }

    @Test
    void refusesToRenderAnIncidentDateKnownOnlyToTheMonth() throws Exception {
        Bundle bundle = PrabumulihSamples.read(TPPO).bundle();
        Bundles.all(bundle, Condition.class).forEach(c -> c.setOnset(new DateTimeType("2025-05")));

        assertThat(refusedToRender(bundle).errors())
                .containsExactly(new FieldError(
                        "/kasus/kejadian/tanggal",
                        "the date is known only to the month; Prabumulih needs a full date (yyyy-MM-dd)"));
    }

    @Test
    void refusesToRenderWhatTheFormatRequiresButTheBundleLacks() throws Exception {
        Bundle bundle = PrabumulihSamples.read(TPPO).bundle();
        bundle.getEntry().removeIf(e -> e.getResource() instanceof ServiceRequest);
        Bundles.task(bundle).getBasedOn().clear();

        assertThat(refusedToRender(bundle).errors())
                .containsExactly(new FieldError(
                        "/kasus/layanan_diminta",
                        "required: missing (<rujukan> found where <layanan_diminta> must come)"));
    }

    @Test
    void refusesToRenderARegionTheTableDoesNotKnow() throws Exception {
        Bundle bundle = PrabumulihSamples.read(TPPO).bundle();
        ((Coding) Bundles.task(bundle)
                        .getExtensionByUrl(Canonical.EXT_REQUESTED_DESTINATION)
                        .getValue())
                .setCode("99.99");

        assertThat(refusedToRender(bundle).errors())
                .containsExactly(new FieldError("/kasus/rujukan/tujuan_kotkab", "unknown Kemendagri region '99.99'"));
    }

    private static String category(Bundle bundle) throws TranslationException {
        return xpath(dom(render(bundle, PRABUMULIH, PRABUMULIH)), "/p:kasus/p:kategori_kasus");
    }

    private static TranslationException refusedToRender(Bundle bundle) {
        TranslationException e =
                catchThrowableOfType(() -> render(bundle, PRABUMULIH, PRABUMULIH), TranslationException.class);
        assertThat(e).as("rendering must be refused").isNotNull();
        return e;
    }

    /** Every attribute and every text-only element of a document by path ({@code /kasus/klien[1]/nama}). */
    static Map<String, String> flatten(Document document) {
        Map<String, String> values = new LinkedHashMap<>();
        flatten(
                document.getDocumentElement(),
                "/" + document.getDocumentElement().getLocalName(),
                values);
        return values;
    }

    private static void flatten(Element element, String path, Map<String, String> values) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
                values.put(path + "/@" + attribute.getLocalName(), attribute.getValue());
            }
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        boolean hasChildElements = false;
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                hasChildElements = true;
                String name = child.getLocalName();
                int position = positions.merge(name, 1, Integer::sum);
                String step = PrabumulihFields.REPEATING.contains(name) ? name + "[" + position + "]" : name;
                flatten(child, path + "/" + step, values);
            }
        }
        if (!hasChildElements) {
            values.put(path, element.getTextContent().trim());
        }
    }
}
