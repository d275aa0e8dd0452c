package id.lintas.hub.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The audit log is appended to by every feature (intake, routing, delivery, lifecycle, agreements,
 * accounts), so it depends on none of them: no cycle, and the offline verifier's classes stay usable
 * without the hub's features.
 */
class AuditArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.lintas.hub");

    @Test
    void theLogDependsOnNoFeatureThatAppendsToIt() {
        noClasses()
                .that()
                .resideInAPackage("id.lintas.hub.audit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "id.lintas.hub.ingest..",
                        "id.lintas.hub.routing..",
                        "id.lintas.hub.delivery..",
                        "id.lintas.hub.lifecycle..",
                        "id.lintas.hub.agreement..",
                        "id.lintas.hub.account..",
                        "id.lintas.hub.referral..",
                        "id.lintas.hub.trail..",
                        "id.lintas.hub.fhir..",
                        "id.lintas.hub.demo..")
                .check(CLASSES);
    }

    @Test
    void theOfflineVerifierNeedsNoSpring() {
        noClasses()
                .that()
                .belongToAnyOf(
                        AuditCommand.class,
                        LogVerifier.class,
                        Merkle.class,
                        SignedNote.class,
                        Checkpoint.class,
                        EntryEncoding.class,
                        CanonicalJson.class,
                        Witness.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.camel..")
                .check(CLASSES);
    }
}
