package id.lintas.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator's SQL against a real PostgreSQL with the hub's own migrations: two synthetic "real"
 * referrals with their rows, 23 copies in batches of 10.
 */
class StoredReferralsTest {

    private static final Path MIGRATIONS = Path.of("../hub/src/main/resources/db/migration");
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final int COPIES = 23;

    private static EmbeddedPostgres postgres;
    private static Connection db;
    private static StoredReferrals.Generated generated;
    private static final List<Long> progress = new ArrayList<>();
    private static final UUID FIRST = UUID.randomUUID();
    private static final UUID SECOND = UUID.randomUUID();

    @BeforeAll
    static void generate() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        db = postgres.getPostgresDatabase().getConnection();
        migrate();
        seed(FIRST, "KKR-2026-0001", 2, Instant.parse("2026-12-01T10:00:00.123456Z"));
        seed(SECOND, "KKR-2026-0002", 1, Instant.parse("2026-12-01T10:05:00Z"));
        insertAudit(FIRST, "REFERRAL_RECEIVED", Instant.parse("2026-12-01T10:00:00.200000Z"));
        insertAudit(FIRST, "DELIVERED", Instant.parse("2026-12-01T10:00:01.500000Z"));
        insertAudit(SECOND, "REFERRAL_RECEIVED", Instant.parse("2026-12-01T10:05:00.100000Z"));
        insertAudit(null, "KEY_APPROVED", Instant.parse("2026-12-01T10:06:00Z"));
        generated = new StoredReferrals(db).generate(COPIES, 10, progress::add);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
        postgres.close();
    }

    @Test
    void everyTableOfAReferralGetsItsCopiesRows() throws SQLException {
        assertThat(generated.seeds()).isEqualTo(2);
        assertThat(count("select count(*) from referral")).isEqualTo(2 + COPIES);
        // Copy n is of seed n % 2: 12 of the first (two victims, two deliveries), 11 of the second.
        assertThat(generated.rows())
                .containsEntry("referral", (long) COPIES)
                .containsEntry("referral_identity", 12L * 2 + 11)
                .containsEntry("delivery", 12L * 2 + 11)
                .containsEntry("referral_event", 12L * 3 + 11 * 3)
                .containsEntry("referral_route", (long) COPIES)
                .containsEntry("inbound_message", (long) COPIES)
                .containsEntry("audit_entry", 12L * 2 + 11);
        assertThat(progress).containsExactly(10L, 20L, 23L);
        assertThat(generated.notCopied()).containsExactly("audit_pending");
        assertThat(count("select count(distinct source_reference) from referral"))
                .isEqualTo(2 + COPIES);
        assertThat(count("select count(*) from referral where source_reference like 'KKR-2026-0001~G%'"))
                .isEqualTo(12);
        assertThat(count("select count(distinct id) from delivery")).isEqualTo(2 + 1 + 12 * 2 + 11);
        // The routes of years ago were answered.
        assertThat(count("select count(*) from referral_route where status = 'REQUESTED'"))
                .isEqualTo(2);
        // The encrypted columns are the seed's bytes.
        assertThat(count("select count(*) from referral c join referral s on s.id = '" + FIRST + "'"
                        + " where c.source_reference like 'KKR-2026-0001~G%' and c.canonical_enc = s.canonical_enc"))
                .isEqualTo(12);
    }

    @Test
    void copiesAreSpreadOverThreeYearsWithTheirRowsShiftedAlike() throws SQLException {
        assertThat(count("select count(*) from referral where created_at < now() - interval '2 years'"))
                .isGreaterThan(COPIES / 3);
        assertThat(
                        count(
                                "select count(*) from referral where created_at < now() - interval '3 years' - interval '1 day'"))
                .isZero();
        // Each copy's delivery and events keep their distance to the referral's creation.
        assertThat(count("select count(*) from referral r join delivery d on d.referral_id = r.id"
                        + " where r.source_reference like '%~G%'"
                        + " and d.delivered_at - r.created_at <> interval '1 second'"))
                .isZero();
        assertThat(count("select count(distinct date_trunc('day', created_at)) from referral"))
                .isGreaterThan(20);
    }

    @Test
    void twoOfEveryFiveCopiesShareAVictimOthersHaveTheirOwn() throws SQLException {
        // Copies 0..22: copy 5k+1 shares its victims with copy 5k (k = 0..4): 5 pairs.
        assertThat(count("select count(*) from (select nik_hash from referral_identity group by nik_hash"
                        + " having count(*) > 1) shared"))
                .isEqualTo(5);
        assertThat(count("select count(distinct nik_hash) from referral_identity"))
                .isEqualTo(3 + 35 - 5);
    }

    @Test
    void theAuditLogStaysAVerifiableMerkleTree() throws Exception {
        List<byte[]> entries = new ArrayList<>();
        try (Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("select idx, entry from audit_entry order by idx")) {
            while (rs.next()) {
                assertThat(rs.getLong(1)).isEqualTo(entries.size());
                entries.add(rs.getBytes(2));
            }
        }
        assertThat(entries).hasSize(4 + 35);
        Map<String, byte[]> nodes = new HashMap<>();
        try (Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("select level, idx, hash from audit_node")) {
            while (rs.next()) {
                nodes.put(rs.getInt(1) + "/" + rs.getLong(2), rs.getBytes(3));
            }
        }
        // Every complete subtree is stored, and each is the RFC 9162 hash of its children (leaves: of its entry).
        int expected = 0;
        for (int level = 0; (entries.size() >> level) > 0; level++) {
            for (long j = 0; j < (entries.size() >> level); j++) {
                byte[] want = level == 0
                        ? sha256(new byte[] {0}, entries.get((int) j))
                        : sha256(
                                new byte[] {1},
                                nodes.get((level - 1) + "/" + 2 * j),
                                nodes.get((level - 1) + "/" + (2 * j + 1)));
                assertThat(nodes.get(level + "/" + j))
                        .as("node " + level + "/" + j)
                        .isEqualTo(want);
                expected++;
            }
        }
        assertThat(nodes).hasSize(expected);
        assertThat(count("select count(distinct ticket) from audit_entry")).isEqualTo(entries.size());
    }

    @Test
    void aCopysAuditEntryNamesTheCopyAndItsTime() throws SQLException {
        try (Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("select e.entry, e.at, e.referral_id from audit_entry e"
                        + " join referral r on r.id = e.referral_id where r.source_reference like '%~G%'")) {
            int seen = 0;
            while (rs.next()) {
                String entry = new String(rs.getBytes(1), StandardCharsets.UTF_8);
                Instant at = rs.getTimestamp(2).toInstant();
                assertThat(entry)
                        .contains("\"referral\":\"" + rs.getObject(3, UUID.class) + "\"")
                        .contains("\"at\":\"" + AT.format(at) + "\"")
                        .doesNotContain(FIRST.toString())
                        .doesNotContain(SECOND.toString());
                seen++;
            }
            assertThat(seen).isEqualTo(35);
        }
    }

    private static void migrate() throws IOException, SQLException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(MIGRATIONS)) {
            files = listing.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(StoredReferralsTest::version))
                    .toList();
        }
        try (Statement sql = db.createStatement()) {
            for (Path file : files) {
                sql.execute(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    /** A delivered referral as the hub leaves it: identities, deliveries, history, a route, its message. */
    private static void seed(UUID id, String caseNumber, int victims, Instant created) throws SQLException {
        update(
                "insert into referral (id, sender_id, source_reference, revision, kind, status, destination_id,"
                        + " reporting_region, reported_at, created_at, updated_at, canonical_enc, canonical_key)"
                        + " values (?, 'kukar', ?, 1, 'REFERRAL', 'DELIVERED', 'ppu', '64.02', ?, ?, ?, ?, 7)",
                id,
                caseNumber,
                ts(created.minusSeconds(60)),
                ts(created),
                ts(created.plusSeconds(2)),
                new byte[] {1, 2, 3, 4});
        for (int v = 0; v < victims; v++) {
            update(
                    "insert into referral_identity (referral_id, nik_hash) values (?, ?)",
                    id,
                    sha256(caseNumber.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) v}));
            update(
                    "insert into delivery (id, referral_id, recipient_id, kind, state, created_at, delivered_at)"
                            + " values (?, ?, 'ppu', 'REFERRAL', 'DELIVERED', ?, ?)",
                    UUID.randomUUID(),
                    id,
                    ts(created),
                    ts(created.plusSeconds(1)));
        }
        for (String type : List.of("RECEIVED", "ROUTED", "DELIVERED")) {
            update(
                    "insert into referral_event (referral_id, at, type, actor) values (?, ?, ?, 'hub')",
                    id,
                    ts(created),
                    type);
        }
        update(
                "insert into referral_route (referral_id, participant_id, agreement_id, agreement_version,"
                        + " services, subject_to_availability, data, respond_by, status)"
                        + " values (?, 'ppu', 'kukar-ppu', 1, '[]', '[]', '[]', ?, 'REQUESTED')",
                id,
                ts(created.plusSeconds(86_400)));
        update(
                "insert into inbound_message (id, participant_id, channel, kind, content_enc, content_key,"
                        + " received_at, outcome, referral_id) values (?, 'kukar', 'HTTP', 'REFERRAL', ?, 7, ?,"
                        + " 'ACCEPTED', ?)",
                UUID.randomUUID(),
                new byte[] {9, 8, 7},
                ts(created),
                id);
    }

    /** An entry appended as the hub's sequencer appends it: the next index, its leaf and completed nodes. */
    private static void insertAudit(UUID referral, String kind, Instant at) throws Exception {
        long idx = count("select count(*) from audit_entry");
        byte[] entry = ("{\"at\":\"" + AT.format(at) + "\",\"kind\":\"" + kind + "\",\"outcome\":\"OK\",\"referral\":"
                        + (referral == null ? "null" : "\"" + referral + "\"") + ",\"v\":1}")
                .getBytes(StandardCharsets.UTF_8);
        update(
                "insert into audit_entry (idx, ticket, entry, kind, at, referral_id) values (?, nextval("
                        + "pg_get_serial_sequence('audit_pending', 'ticket')), ?, ?, ?, ?)",
                idx,
                entry,
                kind,
                ts(at),
                referral);
        byte[] hash = sha256(new byte[] {0}, entry);
        update("insert into audit_node (level, idx, hash) values (0, ?, ?)", idx, hash);
        long j = idx;
        for (int level = 1; (j & 1) == 1; level++) {
            byte[] left = node(level - 1, j - 1);
            hash = sha256(new byte[] {1}, left, hash);
            j >>= 1;
            update("insert into audit_node (level, idx, hash) values (?, ?, ?)", level, j, hash);
        }
    }

    private static byte[] node(int level, long idx) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("select hash from audit_node where level = ? and idx = ?")) {
            q.setInt(1, level);
            q.setLong(2, idx);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }

    private static void update(String statement, Object... values) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                q.setObject(i + 1, values[i]);
            }
            q.executeUpdate();
        }
    }

    private static long count(String query) throws SQLException {
        try (Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
