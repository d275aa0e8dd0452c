package id.lintas.hub;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import id.lintas.contracts.spi.RegionAdapter;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.lintas");

    @Test
    void contractsAndAdaptersAreFreeOfSpringAndCamel() {
        noClasses()
                .that()
                .resideInAnyPackage("id.lintas.contracts..", "id.lintas.adapter..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.camel..")
                .check(CLASSES);
    }

    @Test
    void noAdapterImportsAnother() {
        slices().matching("id.lintas.adapter.(*)..")
                .should()
                .notDependOnEachOther()
                .check(CLASSES);
    }

    @Test
    void theHubReachesAdaptersOnlyThroughTheSpi() {
        noClasses()
                .that()
                .resideInAPackage("id.lintas.hub..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("id.lintas.adapter..")
                .check(CLASSES);
    }

    @Test
    void contractsDependOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("id.lintas.contracts..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("id.lintas.hub..", "id.lintas.adapter..")
                .check(CLASSES);
    }

    @Test
    void routingAndLifecycleRulesStayFreeOfCamel() {
        noClasses()
                .that()
                .resideInAnyPackage("id.lintas.hub.routing..", "id.lintas.hub.lifecycle..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.camel..")
                .check(CLASSES);
    }

    /** HTTP, FHIR and file intake share one pipeline: only {@code Intake} records a referral or applies a status. */
    @Test
    void onlyTheIntakeServiceRecordsReferralsAndAppliesStatuses() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("id.lintas.hub.ingest.Intake")
                .and()
                .doNotHaveFullyQualifiedName("id.lintas.hub.ingest.ReferralIntake")
                .should()
                .callMethodWhere(target(owner(assignableTo("id.lintas.hub.ingest.ReferralIntake")))
                        .and(target(name("record"))))
                .orShould()
                .callMethodWhere(target(owner(assignableTo("id.lintas.hub.lifecycle.StatusService")))
                        .and(target(name("apply"))))
                .check(CLASSES);
    }

    /** The intake check and the delivery cannot drift: one function renders a receiver's copy. */
    @Test
    void onlyReceiverCopyRendersAReferralForAReceiver() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("id.lintas.hub.routing.ReceiverCopy")
                .and()
                .resideInAPackage("id.lintas.hub..")
                .should()
                .callMethodWhere(
                        target(owner(assignableTo(RegionAdapter.class))).and(target(name("renderReferral"))))
                .check(CLASSES);
    }

    /** Feature packages depend on each other one way only (docs/architecture.md, the package map). */
    @Test
    void hubPackagesAreFreeOfCycles() {
        slices().matching("id.lintas.hub.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
