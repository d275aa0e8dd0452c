package id.lintas.adapter.prabumulih;

import id.lintas.contracts.spi.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.validation.Validator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Turns the schema validator's findings into field errors named by element path
 * ({@code /kasus/klien[1]/tanggal_lahir}, {@code /kasus/persetujuan/@tanggal}).
 *
 * <p>The validator's own messages quote the offending value ({@code '1674...' is not a valid value
 * for 'date'}), which may be a NIK or a name, so they are never passed on. Only names the
 * validator generates are taken from them (element, attribute and type names, always read at a
 * fixed place in the message), and the reason is written here from the kind of finding and the
 * type's meaning. A value error comes in two messages: first the facet that failed (with the type
 * name), then the element or attribute it was in; they are joined into one field error.
 */
final class SchemaErrors implements ErrorHandler {

    private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";

    private static final Pattern KEY = Pattern.compile("^(cvc-[A-Za-z0-9.\\-]+):");
    private static final Pattern TYPE_OF_FACET = Pattern.compile("for type '([A-Za-z0-9_#.\\-]+)'\\.$");
    private static final Pattern TYPE_OF_DATATYPE =
            Pattern.compile("is not a valid value for '([A-Za-z0-9_#.\\-]+)'\\.$");
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile(
            "of attribute '([A-Za-z0-9_.\\-:]+)' on element '[^']+' is not valid with respect to its type, '[^']*'\\.$");
    private static final Pattern ATTRIBUTE_MISSING =
            Pattern.compile("Attribute '([A-Za-z0-9_.\\-:]+)' must appear on element '[^']+'\\.$");
    private static final Pattern ATTRIBUTE_NOT_ALLOWED =
            Pattern.compile("Attribute '([A-Za-z0-9_.\\-:]+)' is not allowed to appear in element '[^']+'\\.$");
    private static final Pattern EXPECTED = Pattern.compile("One of '\\{(.+)\\}' is expected\\.$");
    private static final Pattern EXPECTED_NAME = Pattern.compile("(?:\"[^\"]*\":)?([A-Za-z_][A-Za-z0-9_.\\-]*)");

    private static final Set<String> FACETS = Set.of(
            "cvc-datatype-valid.1.2.1",
            "cvc-datatype-valid.1.2.2",
            "cvc-datatype-valid.1.2.3",
            "cvc-pattern-valid",
            "cvc-enumeration-valid",
            "cvc-length-valid",
            "cvc-minLength-valid",
            "cvc-maxLength-valid",
            "cvc-minInclusive-valid",
            "cvc-maxInclusive-valid",
            "cvc-minExclusive-valid",
            "cvc-maxExclusive-valid",
            "cvc-totalDigits-valid",
            "cvc-fractionDigits-valid");

    /** What a value of each type of the schema (and of the XML Schema types it builds on) must look like. */
    private static final Map<String, String> EXPECTATIONS = Map.ofEntries(
            Map.entry("Uuid", "expected a UUID (8-4-4-4-12 hexadecimal digits)"),
            Map.entry("NomorRegistrasi", "expected 1 to 64 characters"),
            Map.entry("Versi", "expected a whole number from 1"),
            Map.entry("positiveInteger", "expected a whole number from 1"),
            Map.entry("IdRujukanHub", "expected 1 to 128 characters"),
            Map.entry("WaktuWib", PrabumulihFormats.EXPECTED_DATE_TIME),
            Map.entry("dateTime", PrabumulihFormats.EXPECTED_DATE_TIME),
            Map.entry("Tanggal", PrabumulihFormats.EXPECTED_DATE),
            Map.entry("date", PrabumulihFormats.EXPECTED_DATE + " (a real calendar date)"),
            Map.entry("KodeKata", "expected a code (letters, digits and _)"),
            Map.entry("KodeKataAtauKosong", "expected a code (letters, digits and _) or nothing"),
            Map.entry("KodeHuruf", "expected a one-letter code"),
            Map.entry("KodeDuaHuruf", "expected a two-letter code"),
            Map.entry("KodeSatuAngka", "expected a one-digit code"),
            Map.entry("KodeDuaAngka", "expected a two-digit code"),
            Map.entry("KodeTigaAngka", "expected a three-digit code"),
            Map.entry(
                    "KodeWilayah",
                    "expected a Kemendagri region code without dots: 2 digits for a province, 4 for a regency or city (1674)"),
            Map.entry("KodeKecamatan", "expected a Kemendagri district code without dots (6 digits, 167402)"),
            Map.entry("Nik", "expected a NIK of 16 digits"),
            Map.entry("Nip", "expected a NIP of 18 digits"),
            Map.entry("Umur", "expected whole years from 0 to 130"),
            Map.entry("nonNegativeInteger", "expected whole years from 0 to 130"),
            Map.entry("integer", "expected a whole number"),
            Map.entry("Kewarganegaraan", "expected WNI or WNA"),
            Map.entry("NomorTelepon", "expected a phone number starting with +62 or 0"),
            Map.entry("TeksPendek", "expected 1 to 200 characters"),
            Map.entry("TeksAlamat", "expected at most 500 characters"),
            Map.entry("TeksPanjang", "expected 1 to 20000 characters"),
            Map.entry("boolean", "expected true or false"));

    private static final String INVALID_VALUE = "invalid value";

    private final Validator validator;
    private final Set<FieldError> errors = new LinkedHashSet<>();
    /** The reason of a facet message, waiting for the message that says where the value was. */
    private String pendingReason;

    SchemaErrors(Validator validator) {
        this.validator = validator;
    }

    List<FieldError> errors() {
        if (pendingReason != null) {
            errors.add(new FieldError(path(currentElement()), pendingReason));
            pendingReason = null;
        }
        return new ArrayList<>(errors);
    }

    @Override
    public void warning(SAXParseException e) {
        // Warnings do not make a document invalid.
    }

    @Override
    public void error(SAXParseException e) {
        record(e);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        record(e);
        throw e;
    }

    private void record(SAXParseException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().trim();
        Matcher keyMatcher = KEY.matcher(message);
        String key = keyMatcher.find() ? keyMatcher.group(1) : "unknown";
        Element element = currentElement();
        String at = path(element);

        if (FACETS.contains(key)) {
            pendingReason = facetReason(message);
            return;
        }
        boolean valueFailed = pendingReason != null;
        String valueReason = valueFailed ? pendingReason : INVALID_VALUE;
        pendingReason = null;
        switch (key) {
            case "cvc-type.3.1.3" -> add(at, valueReason);
            case "cvc-type.3.1.2" -> add(at, "must hold text only, no elements");
            // Text with attributes (alamat): a bad value, or elements inside it.
            case "cvc-complex-type.2.2" -> add(at, valueFailed ? valueReason : "must hold text only, no elements");
            case "cvc-attribute.3" -> add(attribute(at, ATTRIBUTE_VALUE, message), valueReason);
            case "cvc-complex-type.4" -> add(attribute(at, ATTRIBUTE_MISSING, message), "required");
            case "cvc-complex-type.3.2.2" ->
                add(attribute(at, ATTRIBUTE_NOT_ALLOWED, message), "attribute not allowed here");
            case "cvc-complex-type.2.4.a" -> unexpectedElement(element, at, message);
            case "cvc-complex-type.2.4.b" -> incompleteElement(at, message);
            case "cvc-complex-type.2.4.d" -> add(at, "element not allowed here");
            case "cvc-complex-type.2.1" -> add(at, "must be empty");
            case "cvc-complex-type.2.3" -> add(at, "must not hold text, only elements");
            case "cvc-elt.1.a" -> add(PrabumulihFields.DOCUMENT, "not a document of Prabumulih's kasus schema");
            default -> add(at, "does not conform to Prabumulih's kasus schema (" + key + ")");
        }
    }

    /**
     * An element where another was expected. When the expected one is nowhere after it, the
     * expected one is missing and is named; otherwise the element found is in the wrong place.
     */
    private void unexpectedElement(Element found, String at, String message) {
        List<String> expected = expected(message);
        if (expected.size() == 1
                && found != null
                && found.getParentNode() instanceof Element parent
                && !followedBy(found, expected.get(0))) {
            add(
                    FieldReader.path(path(parent), expected.get(0)),
                    "required: missing (<" + found.getLocalName() + "> found where <" + expected.get(0)
                            + "> must come)");
        } else {
            add(at, "element not allowed here" + expectedList(expected));
        }
    }

    private static boolean followedBy(Element element, String name) {
        for (Node sibling = element.getNextSibling(); sibling != null; sibling = sibling.getNextSibling()) {
            if (sibling instanceof Element other && name.equals(other.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    /** An element whose content ended before a required child. */
    private void incompleteElement(String at, String message) {
        List<String> expected = expected(message);
        if (expected.size() == 1) {
            add(FieldReader.path(at, expected.get(0)), "required");
        } else {
            add(at, "incomplete" + expectedList(expected));
        }
    }

    private static String expectedList(List<String> expected) {
        if (expected.isEmpty()) {
            return "";
        }
        List<String> names = expected.stream().map(n -> "<" + n + ">").toList();
        return names.size() == 1 ? "; expected " + names.get(0) : "; expected one of " + String.join(", ", names);
    }

    private static List<String> expected(String message) {
        Matcher m = EXPECTED.matcher(message);
        if (!m.find()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String part : m.group(1).split(",")) {
            Matcher name = EXPECTED_NAME.matcher(part.trim());
            if (name.matches()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static String facetReason(String message) {
        Matcher type = TYPE_OF_FACET.matcher(message);
        if (!type.find()) {
            type = TYPE_OF_DATATYPE.matcher(message);
            if (!type.find()) {
                return INVALID_VALUE;
            }
        }
        return EXPECTATIONS.getOrDefault(type.group(1), INVALID_VALUE);
    }

    private static String attribute(String at, Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        return FieldReader.attributePath(at, m.find() ? m.group(1) : "?");
    }

    private void add(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    private Element currentElement() {
        try {
            Object node = validator.getProperty(CURRENT_ELEMENT);
            return node instanceof Element element ? element : null;
        } catch (SAXException e) {
            return null;
        }
    }

    /** The element's path from the root, with positions for repeating elements ({@code /kasus/klien[2]/nama}). */
    static String path(Element element) {
        if (element == null) {
            return PrabumulihFields.DOCUMENT;
        }
        StringBuilder path = new StringBuilder();
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            String name = current.getLocalName();
            String step = PrabumulihFields.REPEATING.contains(name) ? name + "[" + position(current) + "]" : name;
            path.insert(0, "/" + step);
        }
        return path.toString();
    }

    private static int position(Element element) {
        int position = 1;
        for (Node sibling = element.getPreviousSibling(); sibling != null; sibling = sibling.getPreviousSibling()) {
            if (sibling instanceof Element other && element.getLocalName().equals(other.getLocalName())) {
                position++;
            }
        }
        return position;
    }
}
