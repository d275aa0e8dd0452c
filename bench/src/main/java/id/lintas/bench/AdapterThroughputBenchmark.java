package id.lintas.bench;

import id.lintas.adapter.jakarta.JakartaFhirAdapter;
import id.lintas.adapter.kukar.KukarJsonAdapter;
import id.lintas.adapter.ppu.PpuCsvAdapter;
import id.lintas.adapter.prabumulih.PrabumulihXmlAdapter;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FileBatch;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.Participant;
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
 * Messages per second each adapter (Kukar, PPU, Prabumulih, Jakarta) translates (native to canonical) and renders (canonical to
 * native), on the regions' samples, one thread. The canonical input to each render is a referral
 * that region can receive. Prints figures; asserts nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdapterThroughputBenchmark {

    private static final Participant KUKAR =
            new Participant("kukar", "DP3A Kabupaten Kutai Kartanegara", "64.02", ZoneId.of("Asia/Makassar"));
    private static final Participant PPU =
            new Participant("ppu", "UPTD PPA Kabupaten Penajam Paser Utara", "64.09", ZoneId.of("Asia/Makassar"));
    private static final Participant PRABUMULIH =
            new Participant("prabumulih", "DP2KBPPPA Kota Prabumulih", "16.74", ZoneId.of("Asia/Jakarta"));
    private static final String HUB_ID = "00000000-0000-0000-0000-000000000001";

    private final KukarJsonAdapter kukar = new KukarJsonAdapter();
    private final PpuCsvAdapter ppu = new PpuCsvAdapter();
    private final PrabumulihXmlAdapter prabumulih = new PrabumulihXmlAdapter();
    private final JakartaFhirAdapter jakarta = new JakartaFhirAdapter();
    private static final Participant JAKARTA =
            new Participant("jakarta", "UPTD PPA Provinsi DKI Jakarta", "31", ZoneId.of("Asia/Jakarta"));
    private byte[] jakartaMessage;
    private byte[] kukarReferral;
    private byte[] ppuFile;
    private byte[] prabumulihReferral;
    private CanonicalReferral fromKukar;
    private CanonicalReferral fromPrabumulih;

    @Setup
    public void setUp() throws Exception {
        kukarReferral = sample("referral-tppo-to-ppu.json");
        ppuFile = sample("RUJUKAN_20250722_1600.csv");
        prabumulihReferral = sample("kasus-tppo-jakarta.xml");
        fromKukar = kukar.readReferral(kukarReferral, KUKAR);
        fromPrabumulih = prabumulih.readReferral(prabumulihReferral, PRABUMULIH);
        jakartaMessage = sample("message-rujukan-baru-kukar.json");
    }

    @Benchmark
    public CanonicalReferral kukarJsonToCanonical() throws Exception {
        return kukar.readReferral(kukarReferral, KUKAR);
    }

    @Benchmark
    public OutboundDocument canonicalToKukarJson() throws Exception {
        return kukar.renderReferral(CanonicalReader.standard().outbound(HUB_ID, PPU, fromKukar.bundle()), KUKAR);
    }

    @Benchmark
    public FileBatch ppuCsvFileOfThreeRowsToCanonical() throws Exception {
        return ppu.readFile("RUJUKAN_20250722_1600.csv", ppuFile, PPU);
    }

    @Benchmark
    public OutboundDocument canonicalToPpuCsv() throws Exception {
        return ppu.renderReferral(CanonicalReader.standard().outbound(HUB_ID, KUKAR, fromKukar.bundle()), PPU);
    }

    @Benchmark
    public CanonicalReferral prabumulihXmlToCanonical() throws Exception {
        return prabumulih.readReferral(prabumulihReferral, PRABUMULIH);
    }

    @Benchmark
    public OutboundDocument canonicalToPrabumulihXml() throws Exception {
        return prabumulih.renderReferral(
                CanonicalReader.standard().outbound(HUB_ID, KUKAR, fromPrabumulih.bundle()), PRABUMULIH);
    }

    @Benchmark
    public Object jakartaFhirMessageToCanonical() throws Exception {
        return jakarta.readMessage(jakartaMessage, JAKARTA);
    }

    @Benchmark
    public OutboundDocument canonicalToJakartaTransaction() throws Exception {
        return jakarta.renderReferral(
                CanonicalReader.standard().outbound(HUB_ID, PRABUMULIH, fromPrabumulih.bundle()), JAKARTA);
    }

    private static byte[] sample(String name) {
        try (InputStream in = AdapterThroughputBenchmark.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
