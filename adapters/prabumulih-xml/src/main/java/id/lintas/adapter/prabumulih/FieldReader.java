package id.lintas.adapter.prabumulih;

import id.lintas.contracts.mapping.FieldReading;
import id.lintas.contracts.mapping.Lookups;
import id.lintas.contracts.mapping.Need;
import id.lintas.contracts.mapping.RecordReading;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.spi.TranslationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads typed values out of a Prabumulih document that has passed the schema, collecting every
 * field error (see {@link FieldReading}). Fields are named by element path, as the schema errors
 * are: {@code /kasus/klien[1]/tanggal_lahir}, {@code /kasus/persetujuan/@oleh}. Only unknown values
 * that are shaped like Prabumulih's codes are repeated in reasons, so staff can see which code was wrong.
 */
final class FieldReader extends FieldReading implements RecordReading<Element> {

    /** Prabumulih's codes are short, upper case and digits ({@code TIDAK_SEKOLAH}, {@code 106}, {@code G}). */
    private static final Pattern CODE_SHAPE = Pattern.compile("[A-Z0-9_]{1,15}");

    private static final Pattern REGION_CODE = Pattern.compile("\\d{2}|\\d{4}");

    FieldReader(Lookups lookups) {
        super(lookups, PrabumulihFields.REGION);
    }

    @Override
    public boolean hasField(Element record, String name) {
        return has(record, name);
    }

    @Override
    public String fieldPath(String at, String name) {
        return path(at, name);
    }

    static String path(String parent, String name) {
        return parent + "/" + name;
    }

    /** The path of the {@code i}-th (0-based) of repeating elements, as XPath counts them (from 1). */
    static String index(String path, int i) {
        return path + "[" + (i + 1) + "]";
    }

    static String attributePath(String element, String name) {
        return element + "/@" + name;
    }

    /** The child elements of {@code parent} called {@code name}, in document order. */
    static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        if (parent == null) {
            return children;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child
                    && name.equals(child.getLocalName())
                    && PrabumulihFields.NAMESPACE.equals(child.getNamespaceURI())) {
                children.add(child);
            }
        }
        return children;
    }

    static boolean has(Element parent, String name) {
        return !children(parent, name).isEmpty();
    }

    Element element(Element parent, String at, String name, Need need) {
        List<Element> children = children(parent, name);
        if (children.isEmpty()) {
            missing(path(at, name), need);
            return null;
        }
        return children.get(0);
    }

    /** An element's text, trimmed; an empty element counts as absent. */
    @Override
    public String text(Element parent, String at, String name, Need need) {
        Element element = element(parent, at, name, need);
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().trim();
        if (text.isEmpty()) {
            missing(path(at, name), need);
            return null;
        }
        return text;
    }

    /** An attribute's value, trimmed; an empty attribute counts as absent. */
    String attribute(Element element, String at, String name, Need need) {
        if (element == null) {
            return null;
        }
        String value = element.hasAttribute(name) ? element.getAttribute(name).trim() : "";
        if (value.isEmpty()) {
            missing(attributePath(at, name), need);
            return null;
        }
        return value;
    }

    @Override
    public Integer integer(Element parent, String at, String name, Need need, int min, int max) {
        return integer(text(parent, at, name, need), path(at, name), min, max);
    }

    Integer integer(String text, String field, int min, int max) {
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below, without the text.
        }
        error(field, "expected a whole number from " + min + " to " + max);
        return null;
    }

    @Override
    public LocalDate date(Element parent, String at, String name, Need need) {
        return date(text(parent, at, name, need), path(at, name));
    }

    LocalDate date(String text, String field) {
        return parse(text, field, PrabumulihFormats::parseDate, PrabumulihFormats.EXPECTED_DATE);
    }

    LocalDateTime dateTime(String text, String field) {
        return parse(text, field, PrabumulihFormats::parseDateTime, PrabumulihFormats.EXPECTED_DATE_TIME);
    }

    /** {@code true}/{@code false} (XML Schema also allows {@code 1}/{@code 0}). */
    Boolean bool(String text, String field) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> {
                error(field, "expected true or false");
                yield null;
            }
        };
    }

    /** An element's code, translated to the hub's coding by the ConceptMap. */
    @Override
    public Coding code(Element parent, String at, String name, String list, Need need) {
        return code(text(parent, at, name, need), path(at, name), list);
    }

    /** A code of one of Prabumulih's lists, translated to the hub's coding by the ConceptMap. */
    Coding code(String code, String field, String list) {
        if (code == null) {
            return null;
        }
        try {
            return toHub(list, code, field);
        } catch (TranslationException e) {
            // Not shaped like one of Prabumulih's codes: it may be a name typed into the wrong field,
            // so it is not repeated.
            error(
                    field,
                    CODE_SHAPE.matcher(code).matches()
                            ? "unknown code '" + code + "'"
                            : "not a code of the list " + list);
            return null;
        }
    }

    /**
     * The {@code kode} attributes of repeating elements ({@code <layanan kode="02"/>}), translated;
     * at least one is required. A code sent twice counts once, since it names the same thing.
     */
    List<Coding> codes(Element parent, String at, String name, String list) {
        List<Element> elements = children(parent, name);
        if (parent != null && elements.isEmpty()) {
            error(path(at, name), "needs at least one entry");
        }
        List<Coding> codings = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            String elementAt = index(path(at, name), i);
            codings.add(code(
                    attribute(elements.get(i), elementAt, PrabumulihFields.KODE, Need.REQUIRED),
                    attributePath(elementAt, PrabumulihFields.KODE),
                    list));
        }
        return distinct(codings);
    }

    /** A Kemendagri code without dots: a province ({@code 31}) or a regency/city ({@code 1674}). */
    Region region(String code, String field) {
        if (code == null) {
            return null;
        }
        if (!REGION_CODE.matcher(code).matches()) {
            error(field, "expected a Kemendagri region code without dots (2 or 4 digits)");
            return null;
        }
        Optional<Region> region = regions().byKemendagriCompact(code);
        if (region.isEmpty()) {
            error(field, "unknown region code '" + code + "' (Kemendagri)");
            return null;
        }
        return region.get();
    }

    /** A phone number as typed, in E.164. */
    String phone(Element parent, String at, String name, Need need) {
        return phone(
                text(parent, at, name, need),
                path(at, name),
                false,
                "expected an Indonesian phone number such as 0813-7788-1122 or +6281377881122");
    }
}
