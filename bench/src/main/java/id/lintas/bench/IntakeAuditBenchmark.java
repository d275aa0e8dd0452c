package id.lintas.bench;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.lintas.adapter.kukar.KukarJsonAdapter;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.audit.AuditProperties;
import id.lintas.hub.audit.EntryEncoding;
import id.lintas.hub.delivery.DeliveryRepository;
import id.lintas.hub.platform.HubProperties;
import id.lintas.hub.protect.CryptoProperties;
import id.lintas.hub.protect.FieldCipher;
import id.lintas.hub.referral.ReferralFacts;
import id.lintas.hub.referral.ReferralRecord;
import id.lintas.hub.referral.ReferralRepository;
import id.lintas.hub.referral.ReferralRoute;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.hl7.fhir.r4.model.Bundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the audit log costs the intake (issue 16: under 10% of its throughput; docs/audit.md, "Cost"): the
 * transaction that {@code ReferralIntake.record} runs for a new Kukar referral routed to PPU, with the hub's
 * own repositories ({@link ReferralRepository}, {@link DeliveryRepository}, the field cipher) on the hub's
 * schema (its Flyway migrations) in an embedded PostgreSQL 17 that is durable as the hub's (fsync,
 * synchronous commit and full-page writes on), through a Hikari pool and Spring's transaction manager, as the
 * hub runs it: find by source, insert (routed already: the canonical Bundle encoded and encrypted once),
 * event, victims' keyed hashes, route row, event, delivery, commit. With the audit log it also appends, through the hub's
 * {@link AuditLog}, the INTAKE_RECEIVED entry (with the commitment of the canonical referral as recorded) and
 * the ROUTING_DECIDED entry; {@code ...EncodingTheBundleAgain} makes the commitment of the Bundle encoded once
 * more, as the intake did before. The {@code sideBySide} groups run threads with and without the appends at
 * once, so both see the same (shared) machine.
 *
 * <p>Left out of every variant, so the share measured is an upper bound: the routing decision (about 70 µs,
 * {@code RoutingBenchmark}), translation and validation (IntakeBenchmark), HTTP and the broker send after
 * the commit. The sequencer, which moves entries into the tree off the intake's path, is not running: its
 * work is batched per seal interval. Prints throughput; it asserts nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class IntakeAuditBenchmark {

    private static final Participant KUKAR =
            new Participant("kukar", "DP3A Kabupaten Kutai Kartanegara", "64.02", ZoneId.of("Asia/Makassar"));
    /** A synthetic NIK: the intake keeps its keyed hash. */
    private static final List<String> NIKS = List.of("6402011234560001");

    private Path dataDir;
    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private TransactionTemplate transactions;
    private ReferralRepository referrals;
    private DeliveryRepository deliveries;
    private AuditLog audit;
    private FhirContext fhir;
    private Bundle bundle;
    private ReferralFacts facts;
    private String canonicalJson;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dataDir = Files.createTempDirectory("lintas-bench-audit-");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(8);
        pool = new HikariDataSource(config);
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(pool);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        HubProperties hub = new HubProperties(dataDir);
        FieldCipher cipher = new FieldCipher(new CryptoProperties(null, null, null, null, 0), hub);
        referrals = new ReferralRepository(jdbc, new ObjectMapper(), cipher);
        deliveries = new DeliveryRepository(jdbc, cipher);
        // The hub's own appender: its constructor is the Spring context's (package-private).
        Constructor<AuditLog> appender =
                AuditLog.class.getDeclaredConstructor(JdbcClient.class, AuditProperties.class, HubProperties.class);
        appender.setAccessible(true);
        audit = appender.newInstance(jdbc, new AuditProperties(null, null, 0, null, null, 0), hub);
        fhir = FhirContext.forR4Cached();
        try (InputStream in = IntakeAuditBenchmark.class.getResourceAsStream("/samples/referral-tppo-to-ppu.json")) {
            CanonicalReferral canonical = new KukarJsonAdapter().readReferral(in.readAllBytes(), KUKAR);
            bundle = canonical.bundle();
            facts = ReferralFacts.of(canonical.model());
        }
        canonicalJson = json();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        pool.close();
        postgres.close();
    }

    @Benchmark
    public UUID intakeWithoutAudit() {
        return intake(false, false);
    }

    /** As the intake appends: the commitment is of the canonical referral as encoded for its record. */
    @Benchmark
    public UUID intakeWithAudit() {
        return intake(true, false);
    }

    /** As the intake appended before it shared that encoding: the Bundle encoded once more for the commitment. */
    @Benchmark
    public UUID intakeWithAuditEncodingTheBundleAgain() {
        return intake(true, true);
    }

    /*
     * The same two side by side, in one run: threads with and threads without the audit appends at once, so
     * both see the same machine (on a shared one, runs one after the other drift more than the difference).
     */

    @Benchmark
    @Group("sideBySide")
    @GroupThreads(2)
    public UUID sideBySideWithAudit() {
        return intake(true, false);
    }

    @Benchmark
    @Group("sideBySide")
    @GroupThreads(2)
    public UUID sideBySideWithoutAudit() {
        return intake(false, false);
    }

    @Benchmark
    @Group("sideBySideEncodingAgain")
    @GroupThreads(2)
    public UUID sideBySideWithAuditEncodingTheBundleAgain() {
        return intake(true, true);
    }

    @Benchmark
    @Group("sideBySideEncodingAgain")
    @GroupThreads(2)
    public UUID sideBySideWithoutAuditBeside() {
        return intake(false, false);
    }

    /**
     * The audit log's CPU share of {@link #intakeWithAudit} alone, without the database: the commitment
     * (HMAC-SHA256 of the canonical referral's JSON) and the two entries' RFC 8785 encoding.
     */
    @Benchmark
    public int auditEntriesWithoutDatabase() {
        UUID id = UUID.randomUUID();
        byte[] received = EntryEncoding.encode(received(id, canonicalJson));
        byte[] routed = EntryEncoding.encode(routed(id, Instant.now()));
        return received.length + routed.length;
    }

    private UUID intake(boolean audited, boolean encodeAgain) {
        return transactions.execute(status -> {
            String source = "BENCH-" + UUID.randomUUID();
            referrals.findBySource(KUKAR.id(), source);
            UUID id = UUID.randomUUID();
            String recorded = json();
            referrals.insert(record(id, source, recorded));
            referrals.addEvent(id, "RECEIVED", "RECEIVED", KUKAR.id(), "revision 1");
            if (audited) {
                audit.append(received(id, encodeAgain ? json() : recorded));
            }
            referrals.recordVictims(id, NIKS, false);
            Instant respondBy = Instant.now().plus(Duration.ofDays(3));
            referrals.addRoute(
                    id,
                    new ReferralRoute(
                            "ppu",
                            "pks-kukar-ppu-2024",
                            1,
                            null,
                            List.of("SHELTER"),
                            List.of(),
                            List.of("CONTACT", "IDENTITY"),
                            respondBy,
                            "REQUESTED"));
            referrals.addEvent(id, "ROUTED", "REQUESTED", "hub", "to ppu under agreement pks-kukar-ppu-2024 v1");
            if (audited) {
                audit.append(routed(id, respondBy));
            }
            deliveries.addReferral(id, "ppu");
            return id;
        });
    }

    /** As ReferralIntake's: the sender's system, a commitment of the canonical referral it sent. */
    private AuditEvent received(UUID id, String canonical) {
        return AuditEvent.of(AuditKind.INTAKE_RECEIVED)
                .withActor(KUKAR.id(), KUKAR.id(), "PARTICIPANT")
                .withReferral(id)
                .withParties(KUKAR.id(), null)
                .withDetail("revision", 1)
                .withCommitment(audit.commitment(canonical.getBytes(StandardCharsets.UTF_8)))
                .withOutcome("RECEIVED");
    }

    private static AuditEvent routed(UUID id, Instant respondBy) {
        return AuditEvent.of(AuditKind.ROUTING_DECIDED)
                .withActor(AuditEvent.Actor.system())
                .withReferral(id)
                .withParties(KUKAR.id(), "ppu")
                .withAgreement("pks-kukar-ppu-2024", 1)
                .withOutcome("ROUTED")
                .withDetail("data", List.of("CONTACT", "IDENTITY"))
                .withDetail("respondBy", respondBy.toString());
    }

    /** The canonical Bundle as the intake encodes it for each use (the record, the route, the commitment). */
    private String json() {
        return fhir.newJsonParser().encodeResourceToString(bundle);
    }

    private ReferralRecord record(UUID id, String source, String json) {
        return new ReferralRecord(
                id,
                KUKAR.id(),
                source,
                1,
                facts.kind(),
                facts.urgency(),
                "REQUESTED",
                "ppu",
                facts.requestedRegion(),
                facts.domicileRegion(),
                facts.incidentRegion(),
                facts.reportingRegion() != null ? facts.reportingRegion() : KUKAR.regionKemendagri(),
                json,
                facts.reportedAt(),
                null,
                null);
    }
}
