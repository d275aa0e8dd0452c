package id.lintas.adapter.prabumulih;

import static id.lintas.adapter.prabumulih.PrabumulihSamples.ADAPTER;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.CHILD;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.PRABUMULIH;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser never resolves what a document points at: no entity, no external DTD, no schema
 * location, no XInclude. Each case points at a loopback server socket that would see any attempt
 * (an accepted connection), or at a temporary file whose content must appear nowhere.
 */
class PrabumulihXmlHardeningTest {

    private static final String SECRET = "RAHASIA-3f1c9e";

    private ServerSocket server;
    private String url;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        url = "http://127.0.0.1:" + server.getLocalPort() + "/x";
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @Test
    void refusesTheXxeSampleNamingTheDoctype() {
        TranslationException e = refused(PrabumulihSamples.bytes(PrabumulihSamples.INVALID_XXE));

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/");
            assertThat(error.reason()).contains("DOCTYPE");
        });
        assertThat(e.getMessage()).doesNotContain("root:").doesNotContain("/bin/");
    }

    @Test
    void neverReadsAFileAnExternalEntityPointsAt(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("rahasia.txt"), SECRET);
        byte[] body = withDoctype(
                "<!DOCTYPE kasus [ <!ENTITY rahasia SYSTEM \"" + secret.toUri() + "\"> ]>",
                "<nama>Dimas Saputra</nama>",
                "<nama>&rahasia;</nama>");

        TranslationException e = refused(body);

        assertDoctypeRefusal(e);
        assertThat(e.getMessage()).doesNotContain(SECRET);
        assertThat(e.errors()).allSatisfy(error -> assertThat(error.reason()).doesNotContain(SECRET));
    }

    @Test
    void neverConnectsForAnExternalEntity() throws Exception {
        byte[] body = withDoctype(
                "<!DOCTYPE kasus [ <!ENTITY rahasia SYSTEM \"" + url + "\"> ]>",
                "<nama>Dimas Saputra</nama>",
                "<nama>&rahasia;</nama>");

        assertDoctypeRefusal(refused(body));
        assertNoConnection();
    }

    @Test
    void neverConnectsForAnExternalDtdOrParameterEntity() throws Exception {
        assertDoctypeRefusal(refused(withDoctype("<!DOCTYPE kasus SYSTEM \"" + url + "\">", "", "")));
        assertDoctypeRefusal(
                refused(withDoctype("<!DOCTYPE kasus [ <!ENTITY % luar SYSTEM \"" + url + "\"> %luar; ]>", "", "")));
        assertNoConnection();
    }

    @Test
    void neverConnectsForASchemaLocationOrXInclude() throws Exception {
        byte[] body = PrabumulihSamples.text(CHILD)
                .replace(
                        "xmlns=\"urn:prabumulih:satulayanan:kasus:2\"",
                        "xmlns=\"urn:prabumulih:satulayanan:kasus:2\""
                                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                                + " xmlns:xi=\"http://www.w3.org/2001/XInclude\""
                                + " xsi:schemaLocation=\"urn:prabumulih:satulayanan:kasus:2 " + url + "\"")
                .replace("<ringkasan>", "<ringkasan><xi:include href=\"" + url + "\" parse=\"text\"/>")
                .getBytes(StandardCharsets.UTF_8);

        TranslationException e = refused(body);

        // The schema is the adapter's own; the XInclude is an element the schema does not allow.
        assertThat(e.errors())
                .contains(new FieldError("/kasus/kejadian/ringkasan", "must hold text only, no elements"))
                .extracting(FieldError::field)
                .containsOnly("/kasus/kejadian/ringkasan");
        assertNoConnection();
    }

    @Test
    @Timeout(5)
    void refusesEntityExpansionBombsBeforeExpandingAnything() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE kasus [ <!ENTITY a0 \"ha\">");
        for (int i = 1; i <= 10; i++) {
            doctype.append(" <!ENTITY a")
                    .append(i)
                    .append(" \"")
                    .append(("&a" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        doctype.append(" ]>");

        assertDoctypeRefusal(
                refused(withDoctype(doctype.toString(), "<nama>Dimas Saputra</nama>", "<nama>&a10;</nama>")));
    }

    @Test
    void refusesStatusDocumentsWithADoctypeToo() throws Exception {
        byte[] body = withDoctype(
                PrabumulihSamples.STATUS_COMPLETED,
                "<!DOCTYPE status_rujukan [ <!ENTITY rahasia SYSTEM \"" + url + "\"> ]>",
                "<catatan>",
                "<catatan>&rahasia;");

        TranslationException e =
                catchThrowableOfType(() -> ADAPTER.readStatus(body, PRABUMULIH), TranslationException.class);

        assertDoctypeRefusal(e);
        assertNoConnection();
    }

    @Test
    void refusesDocumentsOverOneMebibyteUnread() {
        byte[] body = new byte[XmlDocuments.MAX_BYTES + 1];

        assertThat(refused(body).errors())
                .containsExactly(
                        new FieldError("/", "the document is larger than 1 MiB (1048577 bytes); refused unread"));
    }

    @Test
    void acceptsADocumentJustUnderTheLimit() throws Exception {
        String sample = PrabumulihSamples.text(CHILD);
        String padding = " ".repeat(XmlDocuments.MAX_BYTES - sample.getBytes(StandardCharsets.UTF_8).length - 20);
        byte[] body =
                sample.replace("</kasus>", "<!--" + padding + "--></kasus>").getBytes(StandardCharsets.UTF_8);

        assertThat(body.length).isLessThanOrEqualTo(XmlDocuments.MAX_BYTES);
        assertThat(ADAPTER.readReferral(body, PRABUMULIH).sourceReference()).isEqualTo("PBM-SL-2025-0081");
    }

    @Test
    void refusesDeeplyNestedDocumentsWithAParserLimit() {
        String nested = "<a>".repeat(100) + "</a>".repeat(100);
        byte[] body = PrabumulihSamples.text(CHILD)
                .replace("<ringkasan>", "<ringkasan>" + nested)
                .getBytes(StandardCharsets.UTF_8);

        assertThat(refused(body).errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/");
            assertThat(error.reason()).startsWith("the document exceeds a parser limit");
        });
    }

    @Test
    void refusesToReadStatusBodiesThatAreNotXml() {
        assertThatThrownBy(() -> ADAPTER.readStatus("status=SELESAI".getBytes(StandardCharsets.UTF_8), PRABUMULIH))
                .isInstanceOf(TranslationException.class)
                .hasMessage("/: malformed XML at line 1, column 1");
    }

    private static byte[] withDoctype(String doctype, String from, String to) {
        return withDoctype(CHILD, doctype, from, to);
    }

    private static byte[] withDoctype(String sample, String doctype, String from, String to) {
        String text = PrabumulihSamples.text(sample);
        assertThat(text).contains(from);
        return text.replace("?>", "?>\n" + doctype).replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertDoctypeRefusal(TranslationException e) {
        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/");
            assertThat(error.reason()).startsWith("DOCTYPE declarations are not allowed");
        });
    }

    /** Any attempt to fetch would have left a connection in the server's backlog. */
    private void assertNoConnection() throws IOException {
        server.setSoTimeout((int) Duration.ofMillis(300).toMillis());
        assertThatThrownBy(server::accept)
                .as("the parser connected to the URL in the document")
                .isInstanceOf(SocketTimeoutException.class);
    }
}
