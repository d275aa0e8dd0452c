package id.lintas.adapter.prabumulih;

import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reading, checking and writing Prabumulih's XML documents with the JDK's own XML stack. The
 * factories are the JDK's defaults on purpose: the class path also holds other implementations
 * (Saxon, through HAPI), which would otherwise be picked up and which know other security settings.
 *
 * <p>The parser is hardened against what a hostile or careless sender can put in XML: a DOCTYPE
 * is refused outright (so no entity, internal or external, is ever declared or expanded, and no
 * external DTD is fetched), external DTDs and schemas are inaccessible, XInclude is off, secure
 * processing and the JDK's entity and depth limits are on, and bodies over {@link #MAX_BYTES} are
 * refused unread. Parser messages are never passed on: they may quote the document, which holds
 * names, so every reason is the adapter's own.
 */
final class XmlDocuments {

    /** The largest body accepted: a case with several victims is a few kilobytes. */
    static final int MAX_BYTES = 1024 * 1024;

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    /** Parser messages in English whatever the server's locale, so the DOCTYPE refusal is recognised. */
    private static final String LOCALE = "http://apache.org/xml/properties/locale";

    private static final String ENTITY_EXPANSION_LIMIT = "jdk.xml.entityExpansionLimit";
    private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";
    private static final String INDENT_AMOUNT = "{http://xml.apache.org/xslt}indent-amount";

    private static final DocumentBuilderFactory PARSERS = parserFactory();
    private static final Schema SCHEMA = loadSchema();

    /** Fails on every error and fatal error; the JDK's default handler would print the message to stderr. */
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // Warnings do not make a document unreadable.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private XmlDocuments() {}

    /**
     * Parses a body that must be one XML document whose root is {@code rootName} in Prabumulih's
     * namespace. Nothing is checked against the schema yet: see {@link #schemaErrors}.
     */
    static Document parse(byte[] body, String rootName) throws TranslationException {
        String expected = "<" + rootName + "> document in namespace " + PrabumulihFields.NAMESPACE;
        if (body == null || body.length == 0) {
            throw new TranslationException(PrabumulihFields.DOCUMENT, "the body is empty; expected a " + expected);
        }
        if (body.length > MAX_BYTES) {
            throw new TranslationException(
                    PrabumulihFields.DOCUMENT,
                    "the document is larger than " + MAX_BYTES / (1024 * 1024) + " MiB (" + body.length
                            + " bytes); refused unread");
        }
        Document document;
        try {
            DocumentBuilder builder = newBuilder();
            builder.setErrorHandler(STRICT);
            // Unreachable with DOCTYPEs refused; should a DOCTYPE ever get through, nothing is fetched.
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not resolved");
            });
            document = builder.parse(new InputSource(new ByteArrayInputStream(body)));
        } catch (SAXParseException e) {
            throw new TranslationException(PrabumulihFields.DOCUMENT, parseFailure(e));
        } catch (SAXException e) {
            throw new TranslationException(PrabumulihFields.DOCUMENT, "malformed XML");
        } catch (IOException e) {
            throw new TranslationException(PrabumulihFields.DOCUMENT, "malformed XML (not readable as UTF-8 text)");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element root = document.getDocumentElement();
        if (!rootName.equals(root.getLocalName())) {
            throw new TranslationException(
                    PrabumulihFields.DOCUMENT, "expected a " + expected + ", not <" + root.getLocalName() + ">");
        }
        if (!PrabumulihFields.NAMESPACE.equals(root.getNamespaceURI())) {
            throw new TranslationException(
                    PrabumulihFields.DOCUMENT,
                    "expected a " + expected + "; <" + rootName + "> is "
                            + (root.getNamespaceURI() == null ? "in no namespace" : "in another namespace"));
        }
        return document;
    }

    /** The root of a document that parses (see {@link #parse}) and is valid against the schema; else every schema error. */
    static Element parseValid(byte[] body, String rootName) throws TranslationException {
        Document document = parse(body, rootName);
        List<FieldError> errors = schemaErrors(document);
        if (!errors.isEmpty()) {
            throw new TranslationException(errors);
        }
        return document.getDocumentElement();
    }

    /** The document's deviations from {@code prabumulih-kasus-2.xsd}, by element path; empty when it conforms. */
    static List<FieldError> schemaErrors(Document document) {
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setProperty(LOCALE, Locale.ENGLISH);
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK's schema validator lacks a security setting", e);
        }
        SchemaErrors errors = new SchemaErrors(validator);
        validator.setErrorHandler(errors);
        try {
            validator.validate(new DOMSource(document));
        } catch (SAXException e) {
            // A fatal error ends validation; what was collected up to it is reported.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors.errors();
    }

    /** Refuses a document that does not conform to the schema, with every deviation found. */
    static void requireValid(Document document) throws TranslationException {
        List<FieldError> errors = schemaErrors(document);
        if (!errors.isEmpty()) {
            throw new TranslationException(errors);
        }
    }

    /** A new document whose root element is {@code rootName} in Prabumulih's namespace. */
    static Element newDocument(String rootName) {
        Document document;
        try {
            document = newBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        document.setXmlStandalone(true);
        Element root = document.createElementNS(PrabumulihFields.NAMESPACE, rootName);
        root.setAttributeNS(
                XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE, PrabumulihFields.NAMESPACE);
        document.appendChild(root);
        return root;
    }

    /** Appends an empty child element in Prabumulih's namespace. */
    static Element add(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElementNS(PrabumulihFields.NAMESPACE, name);
        parent.appendChild(child);
        return child;
    }

    /** Appends a child element with text; nothing when the text is null. */
    static void addText(Element parent, String name, String text) {
        if (text != null) {
            add(parent, name).setTextContent(text);
        }
    }

    /** Sets an attribute; nothing when the value is null. */
    static void attribute(Element element, String name, String value) {
        if (value != null) {
            element.setAttribute(name, value);
        }
    }

    /** The document as UTF-8 bytes with an XML declaration, indented. */
    static byte[] bytes(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(INDENT_AMOUNT, "2");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("could not serialise a document the adapter built", e);
        }
    }

    private static String parseFailure(SAXParseException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("DOCTYPE")) {
            return "DOCTYPE declarations are not allowed (Prabumulih's format has none); the document was refused"
                    + " before any entity or external DTD in it was read";
        }
        String where = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber() : "";
        // The JDK's limit messages carry a JAXP code (JAXP00010001 entity expansion, JAXP00081003 depth, ...).
        if (message.contains("JAXP")) {
            return "the document exceeds a parser limit (entity expansion, element depth or size)" + where;
        }
        return "malformed XML" + where;
    }

    private static DocumentBuilder newBuilder() throws ParserConfigurationException {
        // A factory is not guaranteed thread-safe; the builders it makes are used by one thread each.
        synchronized (PARSERS) {
            return PARSERS.newDocumentBuilder();
        }
    }

    private static DocumentBuilderFactory parserFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute(ENTITY_EXPANSION_LIMIT, "100");
        factory.setAttribute(MAX_ELEMENT_DEPTH, "32");
        factory.setAttribute(LOCALE, Locale.ENGLISH);
        return factory;
    }

    private static Schema loadSchema() {
        URL resource = XmlDocuments.class.getClassLoader().getResource(PrabumulihFields.SCHEMA_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(
                    "missing resource " + PrabumulihFields.SCHEMA_RESOURCE + " (lintas-contracts)");
        }
        try (InputStream in = resource.openStream()) {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // The schema is one file: it imports and includes nothing, so nothing may be fetched.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, resource.toExternalForm()));
        } catch (SAXException e) {
            throw new IllegalStateException("invalid schema " + PrabumulihFields.SCHEMA_RESOURCE, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
