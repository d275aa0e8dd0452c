package id.lintas.bench;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.adapter.kukar.KukarJsonAdapter;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.Participant;
import id.lintas.hub.agreement.AgreementDocument;
import id.lintas.hub.agreement.AgreementSet;
import id.lintas.hub.agreement.AgreementStatus;
import id.lintas.hub.agreement.CaseProfile;
import id.lintas.hub.agreement.CompiledAgreement;
import id.lintas.hub.routing.Router;
import id.lintas.hub.routing.RoutingDecision;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one routing decision with 10, 100 and 1,000 active agreements, from a translated
 * canonical referral: reading the case's facts, finding the agreements between sender and
 * receiver, and checking their clauses. The agreements are the Kukar–PPU one, four narrower ones
 * between the same two (so five are checked per decision), and synthetic agreements between other regencies,
 * compiled once as the hub does on each change. Prints average time per decision; asserts nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoutingBenchmark {

    @Param({"10", "100", "1000"})
    public int agreements;

    private final Router router = new Router();
    private AgreementSet set;
    private Router.Directory directory;
    private Bundle referral;
    private Participant kukar;

    @Setup
    public void setUp() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        FhirContext fhir = FhirContext.forR4Cached();
        ObjectNode base;
        try (InputStream in =
                RoutingBenchmark.class.getResourceAsStream("/agreement/examples/pks-kukar-ppu-2024.json")) {
            base = (ObjectNode) json.readTree(in);
        }
        // Regencies and cities to pair up: a hub with a participant in each.
        List<Region> regencies = RegionTable.standard().all().stream()
                .filter(r -> !r.isProvince())
                .limit(200)
                .toList();
        Map<String, String> regions = new HashMap<>();
        regions.put("kukar", "64.02");
        regions.put("ppu", "64.09");
        for (Region region : regencies) {
            regions.putIfAbsent("p" + region.kemendagriCompact(), region.kemendagri());
        }
        List<String> others = regions.keySet().stream()
                .filter(p -> p.startsWith("p"))
                .sorted()
                .toList();
        List<CompiledAgreement> compiled = new ArrayList<>();
        compiled.add(compile(json, fhir, base));
        for (int i = 1; i < agreements; i++) {
            ObjectNode document = base.deepCopy();
            document.put("id", "synthetic-" + i);
            ArrayNode parties = document.putArray("parties");
            if (i <= 4) {
                // Four more Kukar–PPU agreements, narrower: the decision must check them too.
                parties.addObject().put("participant", "kukar").put("region", "64.02");
                parties.addObject().put("participant", "ppu").put("region", "64.09");
                ((ObjectNode) document.with("scope").withArray("cases").get(0))
                        .putArray("violenceForms")
                        .add("PENELANTARAN");
            } else {
                String a = others.get(i % others.size());
                String b = others.get((i * 7 + 3) % others.size());
                if (a.equals(b)) {
                    b = others.get((i * 7 + 4) % others.size());
                }
                parties.addObject().put("participant", a).put("region", regions.get(a));
                parties.addObject().put("participant", b).put("region", regions.get(b));
            }
            compiled.add(compile(json, fhir, document));
        }
        set = new AgreementSet(compiled);
        directory = new Router.Directory() {
            @Override
            public Optional<String> regionOf(String participantId) {
                return Optional.ofNullable(regions.get(participantId));
            }

            @Override
            public List<String> serving(String region) {
                return regions.entrySet().stream()
                        .filter(e -> e.getValue().equals(region))
                        .map(Map.Entry::getKey)
                        .toList();
            }
        };
        kukar = new Participant("kukar", "DP3A Kabupaten Kutai Kartanegara", "64.02", ZoneId.of("Asia/Makassar"));
        try (InputStream in = RoutingBenchmark.class.getResourceAsStream("/samples/referral-tppo-to-ppu.json")) {
            referral = new KukarJsonAdapter()
                    .readReferral(in.readAllBytes(), kukar)
                    .bundle();
        }
        RoutingDecision check = decide();
        if (!check.isRouted()) {
            throw new IllegalStateException("the benchmark referral must route: " + check.refusal());
        }
    }

    private static CompiledAgreement compile(ObjectMapper json, FhirContext fhir, ObjectNode document) {
        return new CompiledAgreement(
                json.convertValue(document, AgreementDocument.class), AgreementStatus.ACTIVE, null, fhir.newFhirPath());
    }

    @Benchmark
    public RoutingDecision decide() {
        CaseProfile profile = CaseProfile.of(referral, kukar.regionKemendagri(), kukar.zone());
        return router.decide("kukar", profile, set, directory);
    }
}
