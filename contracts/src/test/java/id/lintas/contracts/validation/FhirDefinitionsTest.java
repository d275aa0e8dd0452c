package id.lintas.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.hapi.converters.canonical.VersionCanonicalizer;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.terminology.Terminology.FhirResources;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.ProfileKnowledgeWorkerR5;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r5.conformance.profile.ProfileUtilities;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.junit.jupiter.api.Test;

/**
 * The FHIR definitions shipped in {@code fhir/} hold together: every file listed in
 * {@code index.txt} parses, every file is listed, every constant of {@link Canonical} has its
 * definition, every binding resolves, and every StructureDefinition's differential generates a
 * snapshot without errors.
 */
class FhirDefinitionsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    /** path in index.txt -> parsed resource, in index order. */
    private static final Map<String, IBaseResource> RESOURCES = load();

    private static final PrePopulatedValidationSupport LINTAS = prePopulated();
    private static final ValidationSupportChain CHAIN = new ValidationSupportChain(
            new DefaultProfileValidationSupport(FHIR),
            LINTAS,
            new SnapshotGeneratingValidationSupport(FHIR),
            new InMemoryTerminologyServerValidationSupport(FHIR),
            new CommonCodeSystemsTerminologyService(FHIR));

    @Test
    void everyIndexedFileParsesAsTheResourceItsFolderSays() {
        assertThat(RESOURCES).isNotEmpty();
        RESOURCES.forEach((path, resource) -> {
            String folder = path.substring(0, path.indexOf('/'));
            assertThat(resource.fhirType()).as(path).isEqualTo(folder);
            String id = path.substring(path.indexOf('/') + 1, path.lastIndexOf(".json"));
            assertThat(resource.getIdElement().getIdPart()).as("id of %s", path).isEqualTo(id);
        });
    }

    @Test
    void everyShippedFileIsIndexedOnce() throws IOException {
        List<String> indexed = FhirResources.index();
        assertThat(indexed).as("index.txt lists a file twice").doesNotHaveDuplicates();
        Path root = fhirRoot();
        Set<String> shipped;
        try (Stream<Path> files = Files.walk(root)) {
            shipped = files.filter(f -> f.toString().endsWith(".json"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(new TreeSet<>(indexed)).isEqualTo(shipped);
    }

    @Test
    void definitionsFollowTheHouseRules() {
        for (StructureDefinition sd : all(StructureDefinition.class)) {
            assertThat(sd.getUrl()).as("url of %s", sd.getId()).endsWith("/StructureDefinition/" + sd.getIdPart());
            assertThat(sd.getStatus()).as("status of %s", sd.getUrl()).isEqualTo(Enumerations.PublicationStatus.ACTIVE);
            assertThat(sd.getFhirVersion())
                    .as("fhirVersion of %s", sd.getUrl())
                    .isEqualTo(Enumerations.FHIRVersion._4_0_1);
            assertThat(sd.getDerivation())
                    .as("derivation of %s", sd.getUrl())
                    .isEqualTo(StructureDefinition.TypeDerivationRule.CONSTRAINT);
            assertThat(sd.hasName() && sd.hasTitle() && sd.hasDescription())
                    .as("name/title/description of %s", sd.getUrl())
                    .isTrue();
            assertThat(sd.getDifferential().getElement())
                    .as("differential of %s", sd.getUrl())
                    .isNotEmpty();
            assertThat(sd.hasSnapshot())
                    .as("%s ships a differential only", sd.getUrl())
                    .isFalse();
            if ("Extension".equals(sd.getType())) {
                assertThat(sd.getContext()).as("context of %s", sd.getUrl()).isNotEmpty();
            }
        }
        for (ValueSet vs : all(ValueSet.class)) {
            assertThat(vs.getUrl()).isEqualTo(Canonical.BASE + "/ValueSet/" + vs.getIdPart());
            assertThat(vs.getCompose().getInclude())
                    .as("compose of %s", vs.getUrl())
                    .hasSize(1);
            String system = vs.getCompose().getIncludeFirstRep().getSystem();
            assertThat(LINTAS.fetchCodeSystem(system))
                    .as("CodeSystem %s of %s", system, vs.getUrl())
                    .isNotNull();
        }
    }

    @Test
    void everyProfileAndExtensionOfTheModelIsDefined() throws IllegalAccessException {
        Set<String> urls = all(StructureDefinition.class).stream()
                .map(StructureDefinition::getUrl)
                .collect(Collectors.toSet());
        for (Field field : Canonical.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && (field.getName().startsWith("EXT_") || field.getName().startsWith("PROFILE_"))) {
                assertThat(urls)
                        .as("StructureDefinition for Canonical.%s", field.getName())
                        .contains((String) field.get(null));
            }
        }
    }

    @Test
    void everyBindingNamesAShippedValueSet() {
        for (StructureDefinition sd : all(StructureDefinition.class)) {
            for (ElementDefinition element : sd.getDifferential().getElement()) {
                if (element.hasBinding() && element.getBinding().hasValueSet()) {
                    String valueSet = element.getBinding().getValueSet();
                    assertThat(LINTAS.fetchValueSet(valueSet))
                            .as("ValueSet %s bound at %s in %s", valueSet, element.getId(), sd.getUrl())
                            .isNotNull();
                }
            }
        }
    }

    @Test
    void everyStructureDefinitionGeneratesASnapshotWithoutErrors() {
        VersionCanonicalizer canonicalizer = new VersionCanonicalizer(FHIR);
        IWorkerContext worker = new WorkerContextValidationSupportAdapter(CHAIN);
        List<String> problems = new ArrayList<>();
        for (StructureDefinition sd : all(StructureDefinition.class)) {
            org.hl7.fhir.r5.model.StructureDefinition r5 = canonicalizer.structureDefinitionToCanonical(sd.copy());
            org.hl7.fhir.r5.model.StructureDefinition base =
                    worker.fetchResource(org.hl7.fhir.r5.model.StructureDefinition.class, r5.getBaseDefinition());
            if (base == null) {
                problems.add(sd.getUrl() + ": unknown base " + r5.getBaseDefinition());
                continue;
            }
            List<ValidationMessage> messages = new ArrayList<>();
            new ProfileUtilities(worker, messages, new ProfileKnowledgeWorkerR5(FHIR))
                    .generateSnapshot(base, r5, r5.getUrl(), null, r5.getName());

            messages.stream()
                    .filter(m -> m.getLevel() == ValidationMessage.IssueSeverity.ERROR
                            || m.getLevel() == ValidationMessage.IssueSeverity.FATAL)
                    .forEach(m -> problems.add(sd.getUrl() + ": " + m.getLocation() + ": " + m.getMessage()));
            Set<String> snapshotIds = r5.getSnapshot().getElement().stream()
                    .map(org.hl7.fhir.r5.model.ElementDefinition::getId)
                    .collect(Collectors.toSet());
            for (ElementDefinition element : sd.getDifferential().getElement()) {
                if (!snapshotIds.contains(element.getId())) {
                    problems.add(sd.getUrl() + ": differential element " + element.getId() + " is not in the snapshot");
                }
            }
        }
        assertThat(problems).as("snapshot generation").isEmpty();
    }

    @Test
    void theValidatorsSupportChainGeneratesEverySnapshot() {
        ValidationSupportContext context = new ValidationSupportContext(CHAIN);
        for (StructureDefinition sd : all(StructureDefinition.class)) {
            IBaseResource generated = CHAIN.generateSnapshot(context, sd, sd.getUrl(), null, sd.getName());
            assertThat(generated).as(sd.getUrl()).isInstanceOf(StructureDefinition.class);
            assertThat(((StructureDefinition) generated).getSnapshot().getElement())
                    .as(sd.getUrl())
                    .isNotEmpty();
        }
    }

    private static <T extends IBaseResource> List<T> all(Class<T> type) {
        return RESOURCES.values().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static Map<String, IBaseResource> load() {
        Map<String, IBaseResource> resources = new LinkedHashMap<>();
        for (String path : FhirResources.index()) {
            resources.put(path, FHIR.newJsonParser().parseResource(FhirResources.open(path)));
        }
        return resources;
    }

    private static PrePopulatedValidationSupport prePopulated() {
        PrePopulatedValidationSupport support = new PrePopulatedValidationSupport(FHIR);
        for (IBaseResource resource : RESOURCES.values()) {
            if (resource instanceof StructureDefinition sd) {
                support.addStructureDefinition(sd);
            } else if (resource instanceof CodeSystem cs) {
                support.addCodeSystem(cs);
            } else if (resource instanceof ValueSet vs) {
                support.addValueSet(vs);
            } else if (!(resource instanceof ConceptMap)) {
                throw new AssertionError("unexpected " + resource.fhirType() + " in index.txt");
            }
        }
        return support;
    }

    private static Path fhirRoot() {
        try {
            return Path.of(FhirDefinitionsTest.class
                            .getClassLoader()
                            .getResource("fhir/index.txt")
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
