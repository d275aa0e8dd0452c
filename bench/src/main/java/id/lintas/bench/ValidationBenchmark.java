package id.lintas.bench;

import id.lintas.adapter.kukar.KukarJsonAdapter;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.validation.CanonicalValidator;
import id.lintas.contracts.validation.ValidationReport;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.utilities.OIDUtilities;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * HAPI's full validation where it stays (ADR 0011; the cheap check intake uses instead is
 * {@code IntakeBenchmark.checkCanonicalReferral}), for Kukar's TPPO sample, with the OID registry parsed
 * once per JVM ({@code shared}, Lintas' patch) or once per validation ({@code per-instance}, upstream),
 * and with StructureDefinition lookups lock-free or through HAPI's chain lock, on one thread and on
 * four. Prints average time per operation; it asserts nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {

    /** Where the JVM parses HL7's OID registry: once ({@code shared}) or for every validation. */
    @Param({"shared", "per-instance"})
    public String oidRegistry;

    /** Whether StructureDefinition lookups bypass HAPI's chain lock. */
    @Param({"lock-free", "chain-lock"})
    public String lookups;

    private CanonicalValidator validator;
    private CanonicalReferral canonical;

    @Setup
    public void setUp() throws Exception {
        System.setProperty("lintas.oid-registry.per-instance", String.valueOf(oidRegistry.equals("per-instance")));
        validator = lookups.equals("lock-free") ? new CanonicalValidator() : CanonicalValidator.withChainLookups();
        validator.warmUp();
        canonical = new KukarJsonAdapter()
                .readReferral(IntakeBenchmark.sample("referral-tppo-to-ppu.json"), IntakeBenchmark.KUKAR);
        int before = OIDUtilities.registryLoads();
        if (!validator.validate(canonical).isValid()) {
            throw new IllegalStateException("the sample must be valid");
        }
        System.out.printf(
                "%nOID registry parsed %d time(s) by one validation (%s); patched class from %s%n",
                OIDUtilities.registryLoads() - before,
                oidRegistry,
                OIDUtilities.class.getProtectionDomain().getCodeSource().getLocation());
    }

    @Benchmark
    public ValidationReport fullValidation() {
        return validator.validate(canonical);
    }

    @Benchmark
    @Threads(4)
    public ValidationReport fullValidationFourThreads() {
        return validator.validate(canonical);
    }
}
