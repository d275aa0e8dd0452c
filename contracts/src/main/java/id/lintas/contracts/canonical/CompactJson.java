package id.lintas.contracts.canonical;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildContainedResources;
import ca.uhn.fhir.context.RuntimeChildNarrativeDefinition;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseBooleanDatatype;
import org.hl7.fhir.instance.model.api.IBaseDecimalDatatype;
import org.hl7.fhir.instance.model.api.IBaseElement;
import org.hl7.fhir.instance.model.api.IBaseExtension;
import org.hl7.fhir.instance.model.api.IBaseHasExtensions;
import org.hl7.fhir.instance.model.api.IBaseHasModifierExtensions;
import org.hl7.fhir.instance.model.api.IBaseIntegerDatatype;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Meta;

/**
 * The compact JSON HAPI's parser writes for an R4 resource, byte for byte, written in one pass over
 * HAPI's own element definitions. HAPI's parser sets up an encoding context for every call (the child
 * lists of every element type, an encoding path, a copy of each {@code meta}) and tests every element
 * for emptiness again at each level; for the Bundles {@link CanonicalWriter} makes that was about a
 * tenth of the hub's CPU at intake (ADR 0015). Here the child lists are built once per element type.
 *
 * <p>It writes what the canonical writer uses: elements, extensions (also nested), references by
 * {@code urn:uuid:} or plain text, nested resources. For anything else HAPI's parser would treat
 * specially (a narrative, contained resources, a primitive with an id or extensions, format comments,
 * a reference to a resource object or to a version, meta that HAPI would amend) {@link #write}
 * answers null and the caller encodes with HAPI. {@code CompactJsonTest} holds it to HAPI's output
 * for every sample and for generated Bundles.
 */
public final class CompactJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final SerializedString RESOURCE_TYPE = new SerializedString("resourceType");

    private final FhirContext fhir;
    /** Per element type, the children HAPI's parser walks, in its order. */
    private final Map<Class<?>, List<BaseRuntimeChildDefinition>> children = new ConcurrentHashMap<>();

    public CompactJson(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** A resource HAPI's parser must write, this writer does not know how. */
    private static final class NotHere extends RuntimeException {
        NotHere() {
            super(null, null, false, false);
        }
    }

    private static final NotHere NOT_HERE = new NotHere();

    /** The resource's compact JSON as HAPI writes it, or null when HAPI's parser must write it. */
    public String write(IBaseResource resource) {
        StringWriter out = new StringWriter(16_384);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            resource(json, resource, null);
        } catch (NotHere e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@link #write}, or HAPI's parser where this writer stops. */
    public String encode(IBaseResource resource) {
        String json = write(resource);
        return json != null ? json : fhir.newJsonParser().encodeResourceToString(resource);
    }

    private void resource(JsonGenerator json, IBaseResource resource, String name) throws IOException {
        RuntimeResourceDefinition definition = fhir.getResourceDefinition(resource);
        if (name == null) {
            json.writeStartObject();
        } else {
            json.writeObjectFieldStart(name);
        }
        json.writeFieldName(RESOURCE_TYPE);
        json.writeString(definition.getName());
        IIdType id = resource.getIdElement();
        String idPart = id.getIdPart();
        if (idPart != null && !idPart.isBlank() && !id.getValue().startsWith("urn:")) {
            if (id instanceof IBaseHasExtensions extensions
                    && !extensions.getExtension().isEmpty()) {
                throw NOT_HERE;
            }
            if (id.hasFormatComment()) {
                throw NOT_HERE;
            }
            json.writeStringField("id", idPart);
        }
        if (resource instanceof DomainResource domain && (domain.hasText() || domain.hasContained())) {
            throw NOT_HERE;
        }
        if (resource.getMeta() instanceof Meta meta && !meta.isEmpty() && amendsMeta(resource, meta)) {
            throw NOT_HERE;
        }
        children(json, resource, definition, true);
        json.writeEndObject();
    }

    /** Whether HAPI's parser would write a resource's meta otherwise than it is. */
    private static boolean amendsMeta(IBaseResource resource, Meta meta) {
        if (!meta.hasVersionId() && resource.getIdElement().hasVersionIdPart()) {
            return true;
        }
        for (Coding coding : meta.getTag()) {
            if (coding.getCode() == null && coding.getSystem() == null) {
                return true;
            }
        }
        for (Coding coding : meta.getSecurity()) {
            if (coding.getCode() == null && coding.getSystem() == null) {
                return true;
            }
        }
        return false;
    }

    private List<BaseRuntimeChildDefinition> childrenOf(BaseRuntimeElementCompositeDefinition<?> definition) {
        return children.computeIfAbsent(definition.getImplementingClass(), type -> {
            if (!definition.getExtensions().isEmpty()) {
                // Declared extensions (custom types): HAPI's parser writes them its own way.
                return null;
            }
            List<BaseRuntimeChildDefinition> walked = new ArrayList<>();
            for (BaseRuntimeChildDefinition child : definition.getChildrenAndExtension()) {
                if (!child.getElementName().equals("id")) {
                    walked.add(child);
                }
            }
            return List.copyOf(walked);
        });
    }

    private void children(
            JsonGenerator json, IBase element, BaseRuntimeElementCompositeDefinition<?> definition, boolean resource)
            throws IOException {
        List<BaseRuntimeChildDefinition> walked = childrenOf(definition);
        if (walked == null) {
            throw NOT_HERE;
        }
        if (!resource && element instanceof IBaseElement identified) {
            String elementId = identified.getId();
            if (elementId != null && !elementId.isBlank()) {
                json.writeStringField("id", elementId);
            }
        }
        if (element.hasFormatComment()) {
            throw NOT_HERE;
        }
        boolean extensionsWritten = false;
        for (BaseRuntimeChildDefinition child : walked) {
            String name = child.getElementName();
            if (name.equals("extension") || name.equals("modifierExtension")) {
                if (!extensionsWritten) {
                    extensions(json, element);
                    extensionsWritten = true;
                }
                continue;
            }
            if (child instanceof RuntimeChildNarrativeDefinition || child instanceof RuntimeChildContainedResources) {
                continue; // checked empty on the resource
            }
            values(json, child, child.getAccessor().getValues(element));
        }
    }

    private void values(JsonGenerator json, BaseRuntimeChildDefinition child, List<? extends IBase> values)
            throws IOException {
        if (values.isEmpty()) {
            return;
        }
        boolean multiple = child.isMultipleCardinality()
                || (child.getReplacedParentDefinition() != null
                        && child.getReplacedParentDefinition().isMultipleCardinality());
        String current = null;
        for (IBase value : values) {
            // As HAPI: an empty element is left out, a resource is written even empty. A resource's
            // isEmpty() would also walk all of it, the largest subtree of a Bundle, before it is written.
            if (value == null || (!(value instanceof IBaseResource) && value.isEmpty())) {
                continue;
            }
            Class<? extends IBase> type = value.getClass();
            String name = child.getChildNameByDatatype(type);
            BaseRuntimeElementDefinition<?> definition = child.getChildElementDefinitionByDatatype(type);
            if (name == null || definition == null) {
                throw NOT_HERE; // an Enumeration under a code, a subclass: HAPI's parser looks further
            }
            if (!name.equals(current)) {
                if (current != null && multiple) {
                    json.writeEndArray();
                }
                if (multiple) {
                    json.writeArrayFieldStart(name);
                }
                current = name;
                value(json, value, definition, multiple ? null : name);
            } else {
                value(json, value, definition, null);
            }
        }
        if (current != null && multiple) {
            json.writeEndArray();
        }
    }

    /** One value, named ({@code name}) or as the next item of an array (null). */
    private void value(JsonGenerator json, IBase value, BaseRuntimeElementDefinition<?> definition, String name)
            throws IOException {
        switch (definition.getChildType()) {
            case PRIMITIVE_DATATYPE -> primitive(json, (IPrimitiveType<?>) value, name);
            case ID_DATATYPE -> {
                IIdType id = (IIdType) value;
                if (id instanceof IBaseHasExtensions extensions
                        && !extensions.getExtension().isEmpty()) {
                    throw NOT_HERE;
                }
                String text = "id".equals(name) ? id.getIdPart() : id.getValue();
                if (text == null || text.isBlank()) {
                    return;
                }
                field(json, name);
                json.writeString(text);
            }
            case COMPOSITE_DATATYPE, RESOURCE_BLOCK -> {
                if (value instanceof IBaseReference reference
                        && (reference.getResource() != null || versioned(reference))) {
                    throw NOT_HERE; // HAPI's parser rewrites such a reference's text
                }
                if (name == null) {
                    json.writeStartObject();
                } else {
                    json.writeObjectFieldStart(name);
                }
                children(json, value, (BaseRuntimeElementCompositeDefinition<?>) definition, false);
                json.writeEndObject();
            }
            case RESOURCE -> resource(json, (IBaseResource) value, name);
            default -> throw NOT_HERE;
        }
    }

    private static boolean versioned(IBaseReference reference) {
        String text = reference.getReferenceElement().getValue();
        return text != null && text.contains("/_history/");
    }

    private static void field(JsonGenerator json, String name) throws IOException {
        if (name != null) {
            json.writeFieldName(name);
        }
    }

    private static void primitive(JsonGenerator json, IPrimitiveType<?> value, String name) throws IOException {
        if (value instanceof IBaseHasExtensions extensions
                && !extensions.getExtension().isEmpty()) {
            throw NOT_HERE; // HAPI's parser writes them beside, as "_name"
        }
        if (value instanceof IBaseElement identified && identified.getId() != null) {
            throw NOT_HERE;
        }
        if (value.hasFormatComment()) {
            throw NOT_HERE;
        }
        String text = value.getValueAsString();
        if (text == null || text.isBlank()) {
            return;
        }
        Object raw = value.getValue();
        if (raw instanceof String) {
            field(json, name);
            json.writeString(text);
        } else if (raw instanceof Long number) {
            field(json, name);
            json.writeNumber(number);
        } else if (value instanceof IBaseIntegerDatatype integer) {
            field(json, name);
            json.writeNumber(integer.getValue());
        } else if (value instanceof IBaseDecimalDatatype decimal) {
            BigDecimal number = decimal.getValue();
            field(json, name);
            if (number == null) {
                json.writeNull();
            } else {
                // As HAPI: the decimal's own text, not BigDecimal's.
                json.writeNumber(text);
            }
        } else if (value instanceof IBaseBooleanDatatype bool) {
            field(json, name);
            json.writeBoolean(bool.getValue());
        } else {
            field(json, name);
            json.writeString(text);
        }
    }

    private void extensions(JsonGenerator json, IBase element) throws IOException {
        if (element instanceof IBaseHasExtensions having) {
            extensionArray(json, "extension", having.getExtension(), false);
        }
        if (element instanceof IBaseHasModifierExtensions having) {
            extensionArray(json, "modifierExtension", having.getModifierExtension(), true);
        }
    }

    private void extensionArray(
            JsonGenerator json, String name, List<? extends IBaseExtension<?, ?>> extensions, boolean modifier)
            throws IOException {
        boolean started = false;
        for (IBaseExtension<?, ?> extension : extensions) {
            // As HAPI: an extension with neither value nor extensions is left out.
            if (extension == null
                    || (modifier
                            ? extension.isEmpty()
                            : (isEmpty(extension.getValue())
                                    && extension.getExtension().isEmpty()))) {
                continue;
            }
            if (!started) {
                json.writeArrayFieldStart(name);
                started = true;
            }
            extension(json, extension);
        }
        if (started) {
            json.writeEndArray();
        }
    }

    private static boolean isEmpty(IBase value) {
        return value == null || value.isEmpty();
    }

    private void extension(JsonGenerator json, IBaseExtension<?, ?> extension) throws IOException {
        if (extension.hasFormatComment()) {
            throw NOT_HERE;
        }
        IBase value = extension.getValue();
        boolean noValue = isEmpty(value);
        String url = extension.getUrl();
        if (url == null
                || url.isBlank()
                || (!noValue && !extension.getExtension().isEmpty())) {
            throw NOT_HERE; // HAPI's parser reports these to its error handler
        }
        json.writeStartObject();
        if (extension instanceof IBaseElement identified) {
            String elementId = identified.getId();
            if (elementId != null && !elementId.isBlank()) {
                json.writeStringField("id", elementId);
            }
        }
        json.writeStringField("url", url);
        if (!extension.getExtension().isEmpty()) {
            json.writeArrayFieldStart("extension");
            for (Object nested : extension.getExtension()) {
                // Nested extensions are written as they are, as HAPI does.
                extension(json, (IBaseExtension<?, ?>) nested);
            }
            json.writeEndArray();
        }
        if (!noValue) {
            BaseRuntimeChildDefinition valueChild = fhir.getRuntimeChildUndeclaredExtensionDefinition();
            Class<? extends IBase> type = value.getClass();
            String name = valueChild.getChildNameByDatatype(type);
            BaseRuntimeElementDefinition<?> definition = valueChild.getChildElementDefinitionByDatatype(type);
            if (name == null || definition == null) {
                throw NOT_HERE;
            }
            value(json, value, definition, name);
        }
        json.writeEndObject();
    }
}
