package id.lintas.bench;

import id.lintas.adapter.kukar.KukarJsonAdapter;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.validation.CanonicalValidator;
import id.lintas.contracts.validation.ValidationReport;
import java.util.concurrent.TimeUnit;
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
 * {@code IntakeBenchmark.checkCanonicalReferral}), for Kukar's TPPO sample, with StructureDefinition
 * lookups lock-free or through HAPI's chain lock, on one thread and on four. HAPI still parses HL7's
 * OID registry for every validation (ADR 0011). Prints average time per operation; it asserts nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {

    /** Whether StructureDefinition lookups bypass HAPI's chain lock. */
    @Param({"lock-free", "chain-lock"})
    public String lookups;

    private CanonicalValidator validator;
    private CanonicalReferral canonical;

    @Setup
    public void setUp() throws Exception {
        validator = lookups.equals("lock-free") ? new CanonicalValidator() : CanonicalValidator.withChainLookups();
        validator.warmUp();
        canonical = new KukarJsonAdapter()
                .readReferral(IntakeBenchmark.sample("referral-tppo-to-ppu.json"), IntakeBenchmark.KUKAR);
        if (!validator.validate(canonical).isValid()) {
            throw new IllegalStateException("the sample must be valid");
        }
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
