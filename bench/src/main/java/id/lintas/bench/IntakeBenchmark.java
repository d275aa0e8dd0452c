package id.lintas.bench;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.adapter.kukar.KukarJsonAdapter;
import id.lintas.adapter.ppu.PpuCsvAdapter;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.canonical.CompactJson;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FileBatch;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.validation.CanonicalValidator;
import id.lintas.contracts.validation.ReferralCheck;
import id.lintas.contracts.validation.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU cost of each intake step for one referral, without I/O: translate a region's message to
 * canonical, validate the Bundle (HAPI, R4 + profiles) or check the typed referral (what intake does,
 * ADR 0011), write the Bundle's JSON as intake records it (HAPI's parser, or {@code CompactJson}, ADR 0015),
 * render it for the receiving region.
 * Prints average time per operation; it asserts nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IntakeBenchmark {

    static final Participant KUKAR =
            new Participant("kukar", "DP3A Kabupaten Kutai Kartanegara", "64.02", ZoneId.of("Asia/Makassar"));
    private static final Participant PPU =
            new Participant("ppu", "UPTD PPA Kabupaten Penajam Paser Utara", "64.09", ZoneId.of("Asia/Makassar"));

    private KukarJsonAdapter kukar;
    private PpuCsvAdapter ppu;
    private CanonicalValidator validator;
    private ReferralCheck check;
    private byte[] kukarReferral;
    private byte[] ppuFile;
    private CanonicalReferral canonical;
    private FhirContext fhir;
    private CompactJson compactJson;

    @Setup
    public void setUp() throws Exception {
        kukar = new KukarJsonAdapter();
        ppu = new PpuCsvAdapter();
        validator = new CanonicalValidator();
        validator.warmUp();
        check = new ReferralCheck();
        kukarReferral = sample("referral-tppo-to-ppu.json");
        ppuFile = sample("RUJUKAN_20250722_1600.csv");
        canonical = kukar.readReferral(kukarReferral, KUKAR);
        fhir = FhirContext.forR4Cached();
        fhir.getParserOptions().setAutoContainReferenceTargetsWithNoId(false); // as the hub's FhirConfiguration
        compactJson = new CompactJson(fhir);
    }

    @Benchmark
    public String bundleJsonByHapi() {
        return fhir.newJsonParser().encodeResourceToString(canonical.bundle());
    }

    @Benchmark
    public String bundleJsonByCompactJson() {
        return compactJson.write(canonical.bundle());
    }

    @Benchmark
    public CanonicalReferral translateKukarJson() throws Exception {
        return kukar.readReferral(kukarReferral, KUKAR);
    }

    @Benchmark
    public FileBatch translatePpuFileOfThreeRows() throws Exception {
        return ppu.readFile("RUJUKAN_20250722_1600.csv", ppuFile, PPU);
    }

    @Benchmark
    public ValidationReport validateCanonicalReferral() {
        return validator.validate(canonical.bundle());
    }

    @Benchmark
    public ValidationReport checkCanonicalReferral() {
        return check.check(canonical.model());
    }

    @Benchmark
    public OutboundDocument renderForPpu() throws Exception {
        return ppu.renderReferral(
                CanonicalReader.standard().outbound("00000000-0000-0000-0000-000000000001", KUKAR, canonical.bundle()),
                PPU);
    }

    static byte[] sample(String name) {
        try (InputStream in = IntakeBenchmark.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
