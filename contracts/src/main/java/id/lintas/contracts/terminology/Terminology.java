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
import java.util.concurrent.ConcurrentHashMap;
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
    /** Per hub CodeSystem, its codes' displays. */
    private final Map<String, Map<String, String>> displays = new HashMap<>();
    /**
     * Every map group by its source system, then normalised source code: a region's inbound lists are
     * looked up by the list alone (each maps to one hub CodeSystem). The maps are nested so a lookup
     * builds no key: the callers' strings are the keys, and intake and rendering translate a few dozen
     * codes a referral (ADR 0018).
     */
    private final Map<String, Map<String, Coding>> mappings = new HashMap<>();
    /** A region's list's URL, by region and list, as {@link Canonical#regionCodeList} makes it. */
    private final Map<String, Map<String, String>> regionLists = new ConcurrentHashMap<>();
    /** Every map group by its source system, then target system, then normalised source code. */
    private final Map<String, Map<String, Map<String, Coding>>> bySourceAndTarget = new HashMap<>();

    private Terminology(List<CodeSystem> codeSystems, List<ConceptMap> conceptMaps) {
        for (CodeSystem cs : codeSystems) {
            this.codeSystems.put(cs.getUrl(), cs);
            Map<String, String> byCode = new HashMap<>();
            cs.getConcept().forEach(c -> byCode.putIfAbsent(c.getCode(), c.getDisplay()));
            displays.put(cs.getUrl(), byCode);
        }
        for (ConceptMap map : conceptMaps) {
            for (ConceptMap.ConceptMapGroupComponent group : map.getGroup()) {
                for (ConceptMap.SourceElementComponent element : group.getElement()) {
                    for (ConceptMap.TargetElementComponent target : element.getTarget()) {
                        if (target.getEquivalence() == ConceptMapEquivalence.UNMATCHED
                                || target.getEquivalence() == ConceptMapEquivalence.DISJOINT) {
                            continue;
                        }
                        Coding coding = new Coding(group.getTarget(), target.getCode(), target.getDisplay());
                        String code = normalised(element.getCode());
                        mappings.computeIfAbsent(group.getSource(), k -> new HashMap<>())
                                .putIfAbsent(code, coding);
                        bySourceAndTarget
                                .computeIfAbsent(group.getSource(), k -> new HashMap<>())
                                .computeIfAbsent(group.getTarget(), k -> new HashMap<>())
                                .putIfAbsent(code, coding);
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
        return translate(regionList(region, list), code, field);
    }

    /** Translates a hub code to a region's code list, e.g. for rendering to that region. */
    public String fromHub(String region, String list, Coding hubCoding, String field) throws TranslationException {
        Coding target = translated(hubCoding.getSystem(), regionList(region, list), hubCoding.getCode());
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
        return translated(hubSystem, regionList(region, list), hubCode) != null;
    }

    private Coding translated(String hubSystem, String regionList, String hubCode) {
        Map<String, Map<String, Coding>> fromSystem = hubSystem == null ? null : bySourceAndTarget.get(hubSystem);
        Map<String, Coding> toList = fromSystem == null ? null : fromSystem.get(regionList);
        return toList == null || hubCode == null ? null : toList.get(normalised(hubCode));
    }

    private String regionList(String region, String list) {
        // A plain get first: ConcurrentHashMap's computeIfAbsent locks the bin when the key is not its first node.
        Map<String, String> lists = regionLists.get(region);
        if (lists == null) {
            lists = regionLists.computeIfAbsent(region, r -> new ConcurrentHashMap<>());
        }
        String url = lists.get(list);
        return url != null ? url : lists.computeIfAbsent(list, l -> Canonical.regionCodeList(region, l));
    }

    private Coding translate(String sourceSystem, String code, String field) throws TranslationException {
        if (code == null || code.isBlank()) {
            throw new TranslationException(field, "is empty");
        }
        Map<String, Coding> list = mappings.get(sourceSystem);
        Coding target = list == null ? null : list.get(normalised(code));
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
        Map<String, String> byCode = system == null ? null : displays.get(system);
        return byCode == null || code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    public List<CodeSystem> codeSystems() {
        return List.copyOf(codeSystems.values());
    }

    private static String normalised(String code) {
        return code.trim().toLowerCase(Locale.ROOT);
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
