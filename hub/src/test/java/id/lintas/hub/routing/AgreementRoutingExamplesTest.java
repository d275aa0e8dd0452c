package id.lintas.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lintas.hub.agreement.AgreementDocument;
import id.lintas.hub.agreement.AgreementSet;
import id.lintas.hub.agreement.AgreementStatus;
import id.lintas.hub.agreement.CaseProfile;
import id.lintas.hub.agreement.Clause;
import id.lintas.hub.agreement.CompiledAgreement;
import id.lintas.hub.agreement.DataCategory;
import id.lintas.hub.agreement.Finding;
import id.lintas.hub.agreement.Grant;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Every routing example of the agreements README, decided by the three agreements the product
 * ships (contracts/agreement/examples), compiled as if every party had signed them.
 */
class AgreementRoutingExamplesTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final FhirContext FHIR = FhirContext.forR4Cached();

    static final Map<String, String> REGIONS = Map.of(
            "kukar",
            "64.02",
            "ppu",
            "64.09",
            "jakarta",
            "31",
            "prabumulih",
            "16.74",
            "prabumulih-polres",
            "16.74",
            "prabumulih-kejari",
            "16.74",
            "prabumulih-psikiater",
            "16.74");

    static final Router.Directory DIRECTORY = new Router.Directory() {
        @Override
        public Optional<String> regionOf(String participantId) {
            return Optional.ofNullable(REGIONS.get(participantId));
        }

        @Override
        public List<String> serving(String region) {
            return REGIONS.entrySet().stream()
                    .filter(e -> e.getValue().equals(region))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
        }
    };

    static AgreementDocument example(String name) {
        try (InputStream in =
                AgreementRoutingExamplesTest.class.getResourceAsStream("/agreement/examples/" + name + ".json")) {
            return JSON.readValue(in, AgreementDocument.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CompiledAgreement active(String name) {
        return new CompiledAgreement(example(name), AgreementStatus.ACTIVE, null, FHIR.newFhirPath());
    }

    static final AgreementSet SHIPPED = new AgreementSet(List.of(
            active("pks-kukar-ppu-2024"), active("tppo-repatriation-2025"), active("jakarta-ppu-support-2025")));

    private final Router router = new Router();

    private RoutingDecision decide(String sender, CanonicalCase c) {
        return decide(sender, c, SHIPPED);
    }

    private RoutingDecision decide(String sender, CanonicalCase c, AgreementSet agreements) {
        Bundle bundle = c.bundle();
        CaseProfile profile = CaseProfile.of(bundle, REGIONS.get(sender), ZoneId.of("Asia/Makassar"));
        return router.decide(sender, profile, agreements, DIRECTORY);
    }

    private static Grant only(RoutingDecision decision) {
        assertThat(decision.grants()).hasSize(1);
        return decision.grants().get(0);
    }

    @Test
    void routesKukarTppoVictimLivingInPpuUnderTheKukarPpuAgreement() {
        RoutingDecision decision = decide(
                "kukar",
                CanonicalCase.from("64.02")
                        .on("2025-06-02")
                        .victim("female", LocalDate.of(1990, 1, 5), "64.09")
                        .violence("TPPO", "64.02")
                        .services("PEMULANGAN", "PSIKOLOGIS"));

        Grant grant = only(decision);
        assertThat(grant.receiver()).isEqualTo("ppu");
        assertThat(grant.agreementId()).isEqualTo("pks-kukar-ppu-2024");
        assertThat(grant.agreementVersion()).isEqualTo(1);
        assertThat(grant.services()).containsExactly("PEMULANGAN", "PSIKOLOGIS");
        assertThat(decision.findings()).isEmpty();
    }

    @Test
    void refusesPrabumulihReferringAKukarChildForPhysicalViolenceBecauseTheNetworkIsTppoOnly() {
        RoutingDecision decision = decide(
                "prabumulih",
                CanonicalCase.from("16.74")
                        .child("64.02")
                        .violence("FISIK", "16.74")
                        .services("PSIKOLOGIS"));

        assertThat(decision.isRouted()).isFalse();
        assertThat(decision.findings()).singleElement().satisfies(f -> {
            assertThat(f.receiver()).isEqualTo("kukar");
            assertThat(f.agreementId()).isEqualTo("tppo-repatriation-2025");
            assertThat(f.clause()).isEqualTo(Clause.SCOPE);
            assertThat(f.reason()).contains("TPPO").contains("FISIK");
        });
        assertThat(decision.refusal()).contains("tppo-repatriation-2025").contains("outside its scope");
    }

    @Test
    void routesPrabumulihTppoVictimExploitedInJakartaToJakartaUnderTheNetwork() {
        RoutingDecision decision = decide(
                "prabumulih",
                CanonicalCase.from("16.74")
                        .victim("female", LocalDate.of(2001, 8, 17), "16.74")
                        .violence("TPPO", "31.71")
                        .namingDestination("31")
                        .services("PEMULANGAN", "BANTUAN_HUKUM"));

        Grant grant = only(decision);
        assertThat(grant.receiver()).isEqualTo("jakarta");
        assertThat(grant.agreementId()).isEqualTo("tppo-repatriation-2025");
        assertThat(grant.data()).contains(DataCategory.CHRONOLOGY, DataCategory.PERPETRATOR);
    }

    @Test
    void refusesJakartaReferringAKukarDomesticViolenceVictimHomeUntilAnAgreementCoversIt() {
        CanonicalCase c = CanonicalCase.from("31.71")
                .victim("female", LocalDate.of(1995, 2, 2), "64.02")
                .violence("FISIK", "31.71")
                .services("RUMAH_AMAN", "PSIKOLOGIS");

        RoutingDecision refused = decide("jakarta", c);
        assertThat(refused.isRouted()).isFalse();
        assertThat(refused.findings()).extracting(Finding::agreementId).containsExactly("tppo-repatriation-2025");
        assertThat(refused.findings()).extracting(Finding::clause).containsExactly(Clause.SCOPE);

        AgreementSet withNewAgreement = SHIPPED.with(
                new CompiledAgreement(jakartaKukarAgreement(), AgreementStatus.ACTIVE, null, FHIR.newFhirPath()));
        Grant grant = only(decide("jakarta", c, withNewAgreement));
        assertThat(grant.receiver()).isEqualTo("kukar");
        assertThat(grant.agreementId()).isEqualTo("jakarta-kukar-2026");
    }

    @Test
    void refusesPpuChildSexualViolenceCaseToJakartaAfterTheOneWayAgreementExpired() {
        RoutingDecision decision = decide(
                "ppu",
                CanonicalCase.from("64.09")
                        .on("2026-05-04")
                        .child("64.09")
                        .violence("SEKSUAL", "31.74")
                        .services("VISUM", "PENEGAKAN_HUKUM"));

        assertThat(decision.isRouted()).isFalse();
        assertThat(decision.findings()).singleElement().satisfies(f -> {
            assertThat(f.agreementId()).isEqualTo("jakarta-ppu-support-2025");
            assertThat(f.clause()).isEqualTo(Clause.NOT_IN_FORCE);
            assertThat(f.reason()).contains("expired on 2026-02-28");
        });
    }

    @Test
    void routesTheSameCaseWhileTheOneWayAgreementWasInForceAndItsConditionHolds() {
        Grant grant = only(decide(
                "ppu",
                CanonicalCase.from("64.09")
                        .on("2025-09-04")
                        .child("64.09")
                        .violence("SEKSUAL", "31.74")
                        .services("VISUM", "PENEGAKAN_HUKUM")));

        assertThat(grant.receiver()).isEqualTo("jakarta");
        assertThat(grant.agreementId()).isEqualTo("jakarta-ppu-support-2025");
        assertThat(grant.data()).contains(DataCategory.PERPETRATOR, DataCategory.CHRONOLOGY);
    }

    @Test
    void refusesUnderTheOneWayAgreementWhenItsFhirPathConditionIsFalse() {
        // A child living in Jakarta, abused in PPU: the regions link, but the condition asks for a child from PPU.
        RoutingDecision decision = decide(
                "ppu",
                CanonicalCase.from("64.09")
                        .on("2025-09-04")
                        .child("31.74")
                        .violence("SEKSUAL", "64.09")
                        .services("VISUM"));

        assertThat(decision.findings()).extracting(Finding::clause).contains(Clause.CONDITION);
        assertThat(decision.isRouted()).isFalse();
    }

    @Test
    void refusesJakartaReferringToPpuBecauseTheAgreementIsOneWay() {
        RoutingDecision decision = decide(
                "jakarta",
                CanonicalCase.from("31.74")
                        .on("2025-09-04")
                        .child("64.09")
                        .violence("SEKSUAL", "31.74")
                        .services("VISUM"));

        assertThat(decision.findings()).extracting(Finding::clause).containsExactly(Clause.DIRECTION);
    }

    @Test
    void routesKukarShelterRequestToPpuMarkedSubjectToAvailability() {
        Grant grant = only(decide(
                "kukar",
                CanonicalCase.from("64.02")
                        .victim("female", LocalDate.of(1993, 4, 4), "64.09")
                        .violence("PSIKIS", "64.02")
                        .services("RUMAH_AMAN")));

        assertThat(grant.receiver()).isEqualTo("ppu");
        assertThat(grant.subjectToAvailability()).containsExactly("RUMAH_AMAN");
    }

    @Test
    void routesWhatIsCoveredAndSaysWhatIsNot() {
        RoutingDecision decision = decide(
                "kukar",
                CanonicalCase.from("64.02")
                        .victim("female", LocalDate.of(1993, 4, 4), "64.09")
                        .violence("FISIK", "64.02")
                        .services("PSIKOLOGIS", "PEMBERDAYAAN_EKONOMI", "PEMULANGAN"));

        assertThat(only(decision).services()).containsExactly("PSIKOLOGIS");
        assertThat(decision.findings()).extracting(Finding::clause).containsOnly(Clause.SERVICES);
        assertThat(decision.partialCover())
                .contains("PEMBERDAYAAN_EKONOMI is not among the agreement's services")
                .contains("PEMULANGAN is covered only for TPPO cases");
    }

    @Test
    void refusesWhenNoneOfTheServicesIsCovered() {
        RoutingDecision decision = decide(
                "kukar",
                CanonicalCase.from("64.02")
                        .victim("female", LocalDate.of(1993, 4, 4), "64.09")
                        .violence("FISIK", "64.02")
                        .services("MEDIASI"));

        assertThat(decision.isRouted()).isFalse();
        assertThat(decision.findings()).extracting(Finding::clause).containsExactly(Clause.SERVICES);
    }

    @Test
    void refusesAnAdultManOutsideTppoUnderTheWomenAndChildrenAgreement() {
        RoutingDecision decision = decide(
                "kukar",
                CanonicalCase.from("64.02")
                        .victim("male", LocalDate.of(1980, 1, 1), "64.09")
                        .violence("FISIK", "64.02")
                        .services("PSIKOLOGIS"));

        assertThat(decision.findings()).extracting(Finding::clause).containsExactly(Clause.SCOPE);
    }

    @Test
    void refusesACaseThatDoesNotLinkTheTwoRegions() {
        // Victim lives in PPU, violence in PPU, reported in Kukar: domicile-incident does not link, domicile-found
        // does.
        Grant grant = only(decide(
                "kukar",
                CanonicalCase.from("64.02")
                        .victim("female", LocalDate.of(1990, 1, 1), "64.09")
                        .violence("FISIK", "64.09")
                        .services("PSIKOLOGIS")));
        assertThat(grant.receiver()).isEqualTo("ppu");

        // Under the network, only home and exploitation count: found in Kukar is not enough.
        RoutingDecision decision = decide(
                "kukar",
                CanonicalCase.from("64.02")
                        .victim("female", LocalDate.of(1990, 1, 1), "16.74")
                        .violence("TPPO", "16.74")
                        .services("PEMULANGAN"));
        assertThat(decision.findings()).extracting(Finding::clause).containsExactly(Clause.REGIONS);
    }

    @Test
    void fansOutToPrabumulihsOneDoorServiceWithDataPerService() {
        RoutingDecision decision = decide(
                "kukar",
                CanonicalCase.from("64.02")
                        .victim("female", LocalDate.of(2003, 5, 5), "16.74")
                        .violence("TPPO", "64.02")
                        .services("PEMULANGAN", "BANTUAN_HUKUM"));

        assertThat(decision.grants())
                .extracting(Grant::receiver)
                .containsExactly("prabumulih", "prabumulih-polres", "prabumulih-kejari", "prabumulih-psikiater");
        assertThat(decision.grants())
                .allSatisfy(g -> assertThat(g.agreementId()).isEqualTo("tppo-repatriation-2025"));
        Grant psychiatrist = decision.grants().get(3);
        assertThat(psychiatrist.via()).isEqualTo("prabumulih");
        assertThat(psychiatrist.services()).containsExactly("PSIKOLOGIS");
        assertThat(psychiatrist.data()).doesNotContain(DataCategory.PERPETRATOR);
        assertThat(decision.grants().get(0).data()).contains(DataCategory.PERPETRATOR);
        assertThat(decision.findings()).isEmpty();
    }

    @Test
    void setsTheResponseTimeByUrgencyAndService() {
        Grant urgent = only(decide(
                "kukar",
                CanonicalCase.from("64.02")
                        .urgency("TINGGI")
                        .victim("female", LocalDate.of(1990, 1, 1), "64.09")
                        .violence("FISIK", "64.02")
                        .services("PSIKOLOGIS")));
        assertThat(urgent.respondWithin()).isEqualTo(Duration.ofHours(2));

        Grant normal = only(decide(
                "kukar",
                CanonicalCase.from("64.02")
                        .victim("female", LocalDate.of(1990, 1, 1), "64.09")
                        .violence("FISIK", "64.02")
                        .services("PSIKOLOGIS")));
        assertThat(normal.respondWithin()).isEqualTo(Duration.ofHours(24));

        Grant repatriation = only(decide(
                "prabumulih",
                CanonicalCase.from("16.74")
                        .urgency("TINGGI")
                        .victim("female", LocalDate.of(2001, 8, 17), "16.74")
                        .violence("TPPO", "31.71")
                        .services("PEMULANGAN")));
        assertThat(repatriation.respondWithin()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void refusesWhenTheVictimRefusedSharingAndNoLegalObligationApplies() {
        RoutingDecision decision = decide(
                "kukar",
                CanonicalCase.from("64.02")
                        .consentRefused()
                        .victim("female", LocalDate.of(1990, 1, 1), "64.09")
                        .violence("FISIK", "64.02")
                        .services("PSIKOLOGIS"));

        assertThat(decision.findings()).extracting(Finding::clause).containsExactly(Clause.CONSENT);
        assertThat(decision.refusal()).contains("refused sharing");
    }

    @Test
    void routesAChildWhoseParentIsTheSuspectOnTheReceiversLegalObligation() {
        Grant grant = only(decide(
                "kukar",
                CanonicalCase.from("64.02")
                        .consentRefused()
                        .legalObligation()
                        .perpetrator("ORANG_TUA")
                        .child("64.09")
                        .violence("FISIK", "64.02")
                        .services("PSIKOLOGIS")));

        assertThat(grant.receiver()).isEqualTo("ppu");
    }

    @Test
    void refusesUnderASuspendedOrNotYetSignedAgreement() {
        AgreementSet suspended = new AgreementSet(List.of(new CompiledAgreement(
                example("pks-kukar-ppu-2024"), AgreementStatus.SUSPENDED, null, FHIR.newFhirPath())));
        CanonicalCase c = CanonicalCase.from("64.02")
                .victim("female", LocalDate.of(1990, 1, 1), "64.09")
                .violence("FISIK", "64.02")
                .services("PSIKOLOGIS");
        assertThat(decide("kukar", c, suspended).refusal()).contains("it is suspended");

        AgreementSet draft = new AgreementSet(List.of(
                new CompiledAgreement(example("pks-kukar-ppu-2024"), AgreementStatus.DRAFT, null, FHIR.newFhirPath())));
        assertThat(decide("kukar", c, draft).refusal()).contains("not every party has signed");
    }

    @Test
    void routesUnderATerminatedAgreementOnlyReferralsDatedBeforeItsEnd() {
        AgreementSet terminated = new AgreementSet(List.of(new CompiledAgreement(
                example("pks-kukar-ppu-2024"),
                AgreementStatus.TERMINATED,
                LocalDate.of(2025, 7, 1),
                FHIR.newFhirPath())));
        CanonicalCase before = CanonicalCase.from("64.02")
                .on("2025-06-30")
                .victim("female", LocalDate.of(1990, 1, 1), "64.09")
                .violence("FISIK", "64.02")
                .services("PSIKOLOGIS");
        CanonicalCase after = CanonicalCase.from("64.02")
                .on("2025-07-01")
                .victim("female", LocalDate.of(1990, 1, 1), "64.09")
                .violence("FISIK", "64.02")
                .services("PSIKOLOGIS");

        assertThat(decide("kukar", before, terminated).isRouted()).isTrue();
        assertThat(decide("kukar", after, terminated).refusal()).contains("terminated with effect from 2025-07-01");
    }

    @Test
    void refusesWhenNoAgreementExistsBetweenTheRegions() {
        RoutingDecision decision = decide(
                "ppu",
                CanonicalCase.from("64.09")
                        .victim("female", LocalDate.of(1990, 1, 1), "16.74")
                        .violence("FISIK", "64.09")
                        .services("PSIKOLOGIS"));

        assertThat(decision.findings()).singleElement().satisfies(f -> {
            assertThat(f.clause()).isEqualTo(Clause.NO_AGREEMENT);
            assertThat(f.reason()).startsWith("no agreement between ppu and prabumulih");
        });
    }

    static AgreementDocument jakartaKukarAgreement() {
        AgreementDocument base = example("pks-kukar-ppu-2024");
        return new AgreementDocument(
                "jakarta-kukar-2026",
                1,
                "Jakarta–Kukar (test)",
                List.of("TEST/1"),
                null,
                null,
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2027, 12, 31),
                List.of(
                        new AgreementDocument.Party("jakarta", "31", null),
                        new AgreementDocument.Party("kukar", "64.02", null)),
                List.of(),
                base.scope(),
                base.services(),
                base.dataAlways(),
                base.consent(),
                base.responseTimes(),
                null,
                List.of(),
                List.of());
    }
}
