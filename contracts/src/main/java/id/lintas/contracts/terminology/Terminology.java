package id.lintas.contracts.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;

/**
 * The hub's CodeSystems and the regions' ConceptMaps, loaded once from {@code fhir/index.txt}.
 * Region codes are translated by data; a code no map knows is a {@link TranslationException}
 * that names the field and the code. Immutable and thread-safe.
 */
public final class Terminology {

    private static volatile Terminology standard;

    private final Map<String, CodeSystem> codeSystems = new HashMap<>();
    /** key: source system + '|' + normalised source code. */
    private final Map<String, Coding> mappings = new HashMap<>();

    private Terminology(List<CodeSystem> codeSystems, List<ConceptMap> conceptMaps) {
        codeSystems.forEach(cs -> this.codeSystems.put(cs.getUrl(), cs));
        for (ConceptMap map : conceptMaps) {
            for (ConceptMap.ConceptMapGroupComponent group : map.getGroup()) {
                for (ConceptMap.SourceElementComponent element : group.getElement()) {
                    for (ConceptMap.TargetElementComponent target : element.getTarget()) {
                        if (target.getEquivalence() == ConceptMapEquivalence.UNMATCHED
                                || target.getEquivalence() == ConceptMapEquivalence.DISJOINT) {
                            continue;
                        }
                        Coding coding = new Coding(group.getTarget(), target.getCode(), target.getDisplay());
                        // Inbound maps are looked up by the region's list alone (each list maps to one hub
                        // CodeSystem); outbound maps by hub CodeSystem and the region's list together.
                        mappings.putIfAbsent(key(group.getSource(), element.getCode()), coding);
                        mappings.putIfAbsent(
                                key(group.getSource() + "->" + group.getTarget(), element.getCode()), coding);
                    }
                }
            }
        }
    }

    /** The terminology shipped with the product. */
    public static Terminology standard() {
        Terminology t = standard;
        if (t == null) {
            synchronized (Terminology.class) {
                if (standard == null) {
                    standard = load(FhirContext.forR4Cached());
                }
                t = standard;
            }
        }
        return t;
    }

    private static Terminology load(FhirContext fhir) {
        IParser parser = fhir.newJsonParser();
        List<CodeSystem> codeSystems = new ArrayList<>();
        List<ConceptMap> conceptMaps = new ArrayList<>();
        for (String path : FhirResources.index()) {
            if (path.startsWith("CodeSystem/")) {
                codeSystems.add(parser.parseResource(CodeSystem.class, FhirResources.open(path)));
            } else if (path.startsWith("ConceptMap/")) {
                conceptMaps.add(parser.parseResource(ConceptMap.class, FhirResources.open(path)));
            }
        }
        return new Terminology(codeSystems, conceptMaps);
    }

    /**
     * Translates a region's code to the hub's, e.g. {@code toHub("kukar", "hubungan", "pacar",
     * "pelaku[0].hubungan")}. Case and surrounding spaces of the code are ignored.
     */
    public Coding toHub(String region, String list, String code, String field) throws TranslationException {
        return translate(Canonical.regionCodeList(region, list), code, field);
    }

    /** Translates a hub code to a region's code list, e.g. for rendering to that region. */
    public String fromHub(String region, String list, Coding hubCoding, String field) throws TranslationException {
        String source = hubCoding.getSystem() + "->" + Canonical.regionCodeList(region, list);
        Coding target = mappings.get(key(source, hubCoding.getCode()));
        if (target == null) {
            throw new TranslationException(List.of(new FieldError(
                    field, "code '" + hubCoding.getCode() + "' has no equivalent in " + region + "'s list " + list)));
        }
        return target.getCode();
    }

    /**
     * Whether a hub code has an equivalent in a region's list, e.g. whether Kukar's {@code layanan} can
     * carry the hub service {@code PERLINDUNGAN_LPSK}.
     */
    public boolean expresses(String region, String list, String hubSystem, String hubCode) {
        return mappings.containsKey(key(hubSystem + "->" + Canonical.regionCodeList(region, list), hubCode));
    }

    private Coding translate(String sourceSystem, String code, String field) throws TranslationException {
        if (code == null || code.isBlank()) {
            throw new TranslationException(field, "is empty");
        }
        Coding target = mappings.get(key(sourceSystem, code));
        if (target == null) {
            throw new TranslationException(field, "unknown code '" + code.trim() + "'");
        }
        return target.copy();
    }

    /** A hub coding with its display, checked against the hub's CodeSystem. */
    public Coding hubCoding(String system, String code) {
        return display(system, code)
                .map(display -> new Coding(system, code, display))
                .orElseThrow(() -> new IllegalArgumentException("code " + code + " is not in " + system));
    }

    /** The display of a hub code, if the code exists. */
    public Optional<String> display(String system, String code) {
        CodeSystem cs = codeSystems.get(system);
        if (cs == null) {
            return Optional.empty();
        }
        return cs.getConcept().stream()
                .filter(c -> c.getCode().equals(code))
                .map(CodeSystem.ConceptDefinitionComponent::getDisplay)
                .findFirst();
    }

    public List<CodeSystem> codeSystems() {
        return List.copyOf(codeSystems.values());
    }

    private static String key(String system, String code) {
        return system + '|' + code.trim().toLowerCase(Locale.ROOT);
    }

    /** The FHIR definition files shipped in {@code fhir/}, listed in {@code fhir/index.txt}. */
    public static final class FhirResources {
        private FhirResources() {}

        public static List<String> index() {
            List<String> paths = new ArrayList<>();
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(open("index.txt"), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        paths.add(line.trim());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return paths;
        }

        public static InputStream open(String path) {
            InputStream in = Terminology.class.getClassLoader().getResourceAsStream("fhir/" + path);
            if (in == null) {
                throw new IllegalStateException("missing FHIR resource fhir/" + path);
            }
            return in;
        }
    }
}
