package id.lintas.adapter.jakarta;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lintas.contracts.spi.TranslationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Task;

/**
 * Parses a Jakarta message Bundle with HAPI, collecting every problem the parser reports instead of
 * stopping at the first, and names each by its FHIR element path ({@code Patient.gender}), as an
 * OperationOutcome's {@code issue.expression} would. Reasons quote only codes, never free values.
 */
final class MessageParser {

    /** A parsed message: the Bundle, its header, the event code and the focus Task. */
    record Message(Bundle bundle, MessageHeader header, String event, Task task) {}

    /** Elements whose values are codes, not personal data: the only values a reason may quote. */
    private static final Set<String> CODE_ELEMENTS =
            Set.of("gender", "status", "intent", "priority", "type", "use", "system", "resourceType", "mode");

    /** What a code looks like: a short word without digits, so a NIK or phone put in a code is never quoted. */
    private static final Pattern CODE_SHAPE = Pattern.compile("[A-Za-z][A-Za-z_-]{0,29}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirContext fhir;

    MessageParser(FhirContext fhir) {
        this.fhir = fhir;
    }

    Message parse(byte[] body) throws TranslationException {
        Bundle bundle = parseBundle(body);
        Errors errors = new Errors();
        if (bundle.getType() != Bundle.BundleType.MESSAGE) {
            errors.add(
                    "Bundle.type",
                    "expected 'message' for FHIR messaging, got '"
                            + (bundle.hasType() ? bundle.getType().toCode() : "") + "'");
            errors.throwIfAny();
        }
        if (!bundle.hasEntry() || !(bundle.getEntryFirstRep().getResource() instanceof MessageHeader header)) {
            throw new TranslationException(
                    "Bundle.entry[0].resource", "the first entry of a message must be a MessageHeader");
        }
        String event = null;
        if (header.getEvent() instanceof Coding coding
                && JakartaFhir.CS_EVENT.equals(coding.getSystem())
                && (JakartaFhir.EVENT_REFERRAL.equals(coding.getCode())
                        || JakartaFhir.EVENT_STATUS.equals(coding.getCode()))) {
            event = coding.getCode();
        } else {
            errors.add(
                    "MessageHeader.eventCoding",
                    "expected " + JakartaFhir.CS_EVENT + " with code " + JakartaFhir.EVENT_REFERRAL + " or "
                            + JakartaFhir.EVENT_STATUS);
        }
        Task task = null;
        if (header.getFocus().isEmpty()) {
            errors.add("MessageHeader.focus", "required: the Task of the message");
        } else {
            task = References.resolve(bundle, header.getFocusFirstRep(), Task.class)
                    .orElse(null);
            if (task == null) {
                errors.add("MessageHeader.focus", "does not point at a Task in the Bundle");
            }
        }
        errors.throwIfAny();
        return new Message(bundle, header, event, task);
    }

    private Bundle parseBundle(byte[] body) throws TranslationException {
        if (body == null || body.length == 0) {
            throw new TranslationException("Bundle", "the message is empty");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode raw;
        try {
            raw = JSON.readTree(text);
        } catch (IOException e) {
            throw new TranslationException("Bundle", "not well-formed JSON");
        }
        if (raw == null || !raw.isObject()) {
            throw new TranslationException("Bundle", "not a FHIR resource in JSON");
        }
        String unnamed = emptyPropertyName(raw, "Bundle");
        if (unnamed != null) {
            throw new TranslationException(unnamed, "a property without a name");
        }
        Collector collector = new Collector();
        IParser parser = fhir.newJsonParser().setParserErrorHandler(collector);
        IBaseResource resource;
        try {
            resource = parser.parseResource(text);
        } catch (DataFormatException e) {
            // HAPI's message may quote content: it is not passed on.
            throw new TranslationException("Bundle", "not a FHIR R4 resource in JSON");
        } catch (RuntimeException e) {
            // The parser meets input nobody sends on purpose (it failed on an empty property name before
            // the check above): whatever else it trips on is still a refusal, never a server error.
            throw new TranslationException("Bundle", "not a FHIR R4 resource in JSON");
        }
        if (!(resource instanceof Bundle bundle)) {
            throw new TranslationException(
                    "Bundle",
                    "expected a Bundle, got a "
                            + fhir.getResourceDefinition(resource).getName());
        }
        if (!collector.problems.isEmpty()) {
            Errors errors = new Errors();
            for (Problem problem : collector.problems) {
                errors.add(path(raw, problem), problem.reason());
            }
            errors.throwIfAny();
        }
        return bundle;
    }

    /**
     * The element path of the first property whose name is empty (HAPI's parser cannot take one), from
     * the resource it occurs in ({@code Patient.name[0]}), or null.
     */
    private static String emptyPropertyName(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = emptyPropertyName(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            if (node.path("resourceType").isTextual()
                    && !node.path("resourceType").asText().isEmpty()) {
                path = node.path("resourceType").asText();
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().isEmpty()) {
                    return path;
                }
                String found = emptyPropertyName(field.getValue(), path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * The element path of a problem: the parser names only the element, so it is looked up in the
     * raw JSON, in the resource of the entry where it occurs ({@code Patient.gender}).
     */
    private static String path(JsonNode raw, Problem problem) {
        if (problem.element() == null) {
            return "Bundle";
        }
        List<String> found = new ArrayList<>();
        find(raw, raw.path("resourceType").asText("Bundle"), problem, found);
        return found.isEmpty() ? problem.element() : found.get(0);
    }

    private static void find(JsonNode node, String at, Problem problem, List<String> found) {
        if (!found.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            String here = node.has("resourceType") && node.get("resourceType").isTextual()
                    ? node.get("resourceType").asText()
                    : at;
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                String path = here + "." + name;
                if (name.equals(problem.element()) && matches(value, problem.value())) {
                    found.add(path);
                    return;
                }
                find(value, "resource".equals(name) && value.has("resourceType") ? at : path, problem, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                boolean isEntry = at.endsWith(".entry");
                find(item, isEntry ? at : at + "[" + i + "]", problem, found);
            }
        }
    }

    private static boolean matches(JsonNode value, String expected) {
        if (expected == null) {
            return true;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.isValueNode() && expected.equals(item.asText())) {
                    return true;
                }
            }
            return false;
        }
        return value.isValueNode() && expected.equals(value.asText());
    }

    private record Problem(String element, String value, String reason) {}

    /** An error handler that records problems instead of throwing (HAPI's strict handler throws at the first). */
    private static final class Collector implements IParserErrorHandler {

        private final List<Problem> problems = new ArrayList<>();

        private static String name(IParseLocation location) {
            return location == null ? null : location.getParentElementName();
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            String element = name(location);
            String reason = element != null
                            && CODE_ELEMENTS.contains(element)
                            && value != null
                            && CODE_SHAPE.matcher(value).matches()
                    ? "invalid value '" + value + "': not a code of the element's FHIR value set"
                    : "invalid value for this element's FHIR data type";
            problems.add(new Problem(element, value, reason));
        }

        @Override
        public void incorrectJsonType(
                IParseLocation location,
                String elementName,
                BaseJsonLikeValue.ValueType expected,
                BaseJsonLikeValue.ScalarType expectedScalar,
                BaseJsonLikeValue.ValueType found,
                BaseJsonLikeValue.ScalarType foundScalar) {
            problems.add(new Problem(
                    elementName,
                    null,
                    "wrong JSON type: expected " + describe(expected, expectedScalar) + ", found "
                            + describe(found, foundScalar)));
        }

        private static String describe(BaseJsonLikeValue.ValueType type, BaseJsonLikeValue.ScalarType scalar) {
            return scalar == null
                    ? String.valueOf(type).toLowerCase()
                    : String.valueOf(scalar).toLowerCase();
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String elementName) {
            problems.add(new Problem(elementName, null, "required by FHIR R4"));
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
            problems.add(new Problem(elementName, null, "repeats, but FHIR R4 allows it once"));
        }

        @Override
        public void unknownElement(IParseLocation location, String elementName) {
            problems.add(new Problem(elementName, null, "not an element of this FHIR R4 resource"));
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attributeName) {
            problems.add(new Problem(attributeName, null, "not an attribute of this FHIR R4 element"));
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            problems.add(new Problem("extension", null, "an extension has both a value and nested extensions"));
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            problems.add(new Problem("contained", null, "a contained resource has no id"));
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
            // References inside a message are resolved by the mappers, which name the element.
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
            // As above.
        }
    }
}
