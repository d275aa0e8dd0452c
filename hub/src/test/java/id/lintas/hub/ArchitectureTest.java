package id.lintas.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.lintas");

    @Test
    void contractsAndAdaptersAreFreeOfSpringAndCamel() {
        noClasses().that().resideInAnyPackage("id.lintas.contracts..", "id.lintas.adapter..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
                .check(CLASSES);
    }

    @Test
    void noAdapterImportsAnother() {
        slices().matching("id.lintas.adapter.(*)..").should().notDependOnEachOther().check(CLASSES);
    }

    @Test
    void theHubReachesAdaptersOnlyThroughTheSpi() {
        noClasses().that().resideInAPackage("id.lintas.hub..")
                .should().dependOnClassesThat().resideInAPackage("id.lintas.adapter..")
                .check(CLASSES);
    }

    @Test
    void contractsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("id.lintas.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("id.lintas.hub..", "id.lintas.adapter..")
                .check(CLASSES);
    }

    @Test
    void routingAndLifecycleRulesStayFreeOfCamel() {
        noClasses().that().resideInAnyPackage("id.lintas.hub.routing..", "id.lintas.hub.lifecycle..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
                .check(CLASSES);
    }
}
