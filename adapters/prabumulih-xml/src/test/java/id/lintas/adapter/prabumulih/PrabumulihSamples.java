package id.lintas.adapter.prabumulih;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** Prabumulih's published samples (the outside world, read-only), the participants the tests use, and XML helpers. */
final class PrabumulihSamples {

    static final Participant PRABUMULIH =
            new Participant("prabumulih", "DP2KBPPPA Kota Prabumulih", "16.74", ZoneId.of("Asia/Jakarta"));
    static final Participant KUKAR =
            new Participant("kukar", "DP3A Kabupaten Kutai Kartanegara", "64.02", ZoneId.of("Asia/Makassar"));
    static final Participant JAKARTA =
            new Participant("jakarta", "UPTD PPA Provinsi DKI Jakarta", "31", ZoneId.of("Asia/Jakarta"));

    static final String TPPO = "kasus-tppo-jakarta.xml";
    static final String CHILD = "kasus-anak-kukar.xml";
    static final String STATUS_COMPLETED = "status-selesai.xml";
    static final String INVALID_SCHEMA = "invalid-schema.xml";
    static final String INVALID_XXE = "invalid-xxe.xml";

    static final String NS = "urn:prabumulih:satulayanan:kasus:2";

    static final PrabumulihXmlAdapter ADAPTER = new PrabumulihXmlAdapter();

    private PrabumulihSamples() {}

    static Path dir() {
        String shared = System.getProperty("lintas.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("system property lintas.shared.dir is not set (surefire sets it)");
        }
        return Path.of(shared, "domain", "regions", "prabumulih-xml", "samples");
    }

    /** Every sample file name, sorted. */
    static List<String> all() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".xml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The valid referral samples: {@code kasus-*.xml} ({@code invalid-*} are refused, {@code status-*} are no referrals). */
    static List<String> validReferrals() {
        return all().stream().filter(n -> n.startsWith("kasus-")).toList();
    }

    static List<String> validStatuses() {
        return all().stream().filter(n -> n.startsWith("status-")).toList();
    }

    static List<String> invalid() {
        return all().stream().filter(n -> n.startsWith("invalid-")).toList();
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** A sample with one piece of text replaced, which must be there. */
    static byte[] edited(String name, String from, String to) {
        String text = text(name);
        assertThat(text).as("sample %s contains the text to edit", name).contains(from);
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    static CanonicalReferral read(String name) throws Exception {
        return ADAPTER.readReferral(bytes(name), PRABUMULIH);
    }

    static byte[] render(Bundle bundle, Participant sender, Participant receiver) throws TranslationException {
        return ADAPTER.renderReferral(CanonicalReader.standard().outbound("hub-ref-1", sender, bundle), receiver)
                .content();
    }

    static TranslationException refused(byte[] body) {
        TranslationException e =
                catchThrowableOfType(() -> ADAPTER.readReferral(body, PRABUMULIH), TranslationException.class);
        assertThat(e).as("the document must be refused").isNotNull();
        return e;
    }

    /**
     * What the schema says of a document, checked independently of the adapter: the JDK's validator
     * over the bytes, with the schema file from lintas-contracts. Empty when the document conforms.
     */
    static List<String> schemaProblems(byte[] content) {
        List<String> problems = new ArrayList<>();
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            URL xsd = PrabumulihSamples.class.getClassLoader().getResource("xsd/prabumulih-kasus-2.xsd");
            assertThat(xsd).as("the schema is on the class path").isNotNull();
            Validator validator = factory.newSchema(xsd).newValidator();
            validator.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) {
                    problems.add(e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    problems.add(e.getMessage());
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(content)));
        } catch (SAXException | IOException e) {
            problems.add(String.valueOf(e.getMessage()));
        }
        return problems;
    }

    /** Parses XML for assertions (a plain namespace-aware parser: the test's own documents only). */
    static Document dom(byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The string value of an XPath over a document, with prefix {@code p} for Prabumulih's namespace. */
    static String xpath(Document document, String expression) {
        try {
            return (String) xpathFor().evaluate(expression, document, XPathConstants.STRING);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    static int count(Document document, String expression) {
        try {
            return ((NodeList) xpathFor().evaluate(expression, document, XPathConstants.NODESET)).getLength();
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    private static XPath xpathFor() {
        XPath xpath = XPathFactory.newDefaultInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "p".equals(prefix) ? NS : XMLConstants.NULL_NS_URI;
            }

            @Override
            public String getPrefix(String namespaceURI) {
                return NS.equals(namespaceURI) ? "p" : null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceURI) {
                return List.of("p").iterator();
            }
        });
        return xpath;
    }
}
