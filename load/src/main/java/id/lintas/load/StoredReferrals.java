package id.lintas.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * A hub's database filled with referrals it stored over the years (issue 17: "cost flat with a
 * million stored referrals"), made in SQL ({@code INSERT … SELECT … generate_series}) from real ones:
 * each generated referral is a copy of a seed (a real intake whose life in the hub is over: delivered,
 * nothing pending) with every row of every table that has a {@code referral_id} (status history,
 * routes, deliveries, the inbound message), and its audit entries appended to the audit log with the
 * Merkle tree's nodes (RFC 9162) computed in SQL, so the log stays verifiable and the hub's sequencer
 * goes on after them. A copy has its own id, case number ({@code <seed's>~G<n>}), times shifted to a
 * point of the last three years, and its own NIK lookup values (two of every five referrals share
 * a victim with the one before).
 *
 * <p>The encrypted columns (the Bundle, the raw message, status notes) are the seed's bytes as they
 * are. Tink binds each value to its column and row id (associated data), so the hub cannot decrypt a
 * copy: a read of a generated referral's record fails; searches, lists of ids, same-victim links,
 * counts and the audit log do not decrypt and see them all. The harness reads real referrals only.
 */
final class StoredReferrals implements AutoCloseable {

    /** The hub's audit sequencer's advisory lock ({@code AuditSequencer.LOCK}: "audit" in a bigint). */
    static final long AUDIT_LOCK = 0x6175646974L;

    /** The generated referrals' times are spread evenly over this span, ending when they are made. */
    static final Duration SPAN = Duration.ofDays(3 * 365);

    /** The most real referrals copied. */
    static final int SEEDS = 256;

    /** What marks a generated case number: the seed's, then this, then the copy's number. */
    static final String MARK = "~G";

    /** The column that makes a row a referral's own. */
    private static final String REFERRAL_ID = "referral_id";

    /**
     * The tables of a referral's own rows that are copied, besides {@code referral} and the audit log.
     * Named, not found: a table added later (a queue, an outbox) could set the hub working on copies
     * it cannot decrypt; such a table is named in {@link Generated#notCopied} instead.
     */
    static final List<String> COPIED =
            List.of("referral_identity", "referral_event", "referral_route", "delivery", "inbound_message");

    /** The audit log's pending queue: empty once the seeds are sequenced, never copied. */
    private static final String AUDIT_PENDING = "audit_pending";

    private static final String AUDIT_ENTRY = "audit_entry";

    private final Connection db;
    private final String salt;
    private final Map<String, List<Column>> tables = new LinkedHashMap<>();
    private int seeds;
    private final List<String> notCopied = new ArrayList<>();

    /** A column of a copied table. */
    private record Column(String name, String type, String defaultValue) {}

    /**
     * What a generation made.
     *
     * @param referrals referrals stored
     * @param seeds real referrals they are copies of
     * @param rows rows inserted per table
     * @param took the copying
     * @param analysed {@code vacuum (analyze)} of the tables afterwards, as a long-lived database has them
     * @param notCopied tables with a {@code referral_id} column whose rows were not copied (the audit
     *     log's pending queue, and any table this generator does not know)
     */
    record Generated(
            long referrals,
            int seeds,
            Map<String, Long> rows,
            Duration took,
            Duration analysed,
            List<String> notCopied) {}

    StoredReferrals(Connection db) {
        this.db = db;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.salt = HexFormat.of().formatHex(random);
    }

    /**
     * The hub's own database, as the role the hub connects with: the port from the postmaster's pid
     * file, the password from {@code security/database.properties}, both in its data directory.
     */
    static Connection connect(Path dataDir) throws IOException, SQLException {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        int port = Integer.parseInt(pid.get(3).trim());
        Properties passwords = new Properties();
        try (Reader in = Files.newBufferedReader(
                dataDir.resolve("security").resolve("database.properties"), StandardCharsets.UTF_8)) {
            passwords.load(in);
        }
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "lintas", passwords.getProperty("hub-password"));
    }

    /** Audit entries not yet sequenced (the seeds' must be in the log before they are copied). */
    long pendingAudit() throws SQLException {
        return single("select count(*) from " + AUDIT_PENDING);
    }

    /**
     * Stores {@code count} referrals, {@code batch} to a transaction; {@code progress} hears the total
     * after each. Throws when there is no real referral to copy.
     */
    Generated generate(long count, int batch, LongConsumer progress) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        Map<String, Long> rows = new LinkedHashMap<>();
        try {
            prepare();
            if (seeds == 0) {
                db.rollback();
                throw new IllegalStateException(
                        "no delivered referral to copy: the hub took in none, or delivered none");
            }
            db.commit();
            double spacing = SPAN.toSeconds() / (double) Math.max(count, 1);
            for (long from = 0; from < count; from += batch) {
                long to = Math.min(count, from + batch) - 1;
                copyBatch(from, to, count, spacing, rows);
                db.commit();
                progress.accept(to + 1);
            }
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long analysing = System.nanoTime();
        db.setAutoCommit(true);
        try (Statement sql = db.createStatement()) {
            for (String table : tables.keySet()) {
                sql.execute("vacuum (analyze) " + table);
            }
            sql.execute("vacuum (analyze) audit_node");
        } finally {
            db.setAutoCommit(autoCommit);
        }
        return new Generated(
                count, seeds, rows, took, Duration.ofNanos(System.nanoTime() - analysing), List.copyOf(notCopied));
    }

    /**
     * The seeds (referrals whose deliveries are all done and whose audit entries are sequenced, no
     * inbound message left unfinished) and each table's rows of them in temporary tables, so that each
     * batch joins small tables, not the growing ones.
     */
    private void prepare() throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("drop table if exists gen_seed");
            sql.execute("create temp table gen_seed as select row_number() over (order by r.created_at, r.id) - 1 as k,"
                    + " r.id, r.created_at from referral r"
                    + " where exists (select 1 from delivery d where d.referral_id = r.id)"
                    + " and not exists (select 1 from delivery d where d.referral_id = r.id and d.state <> 'DELIVERED')"
                    + " and not exists (select 1 from inbound_message m where m.referral_id = r.id"
                    + " and m.outcome = 'RECEIVED')"
                    + " and not exists (select 1 from " + AUDIT_PENDING + " p where p.referral_id = r.id)"
                    + " and r.source_reference not like '%" + MARK + "%'"
                    + " order by r.created_at, r.id limit " + SEEDS);
        }
        seeds = (int) single("select count(*) from gen_seed");
        tables.clear();
        tables.put("referral", columns("referral"));
        List<String> children = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select table_name from information_schema.columns"
                + " where table_schema = current_schema() and column_name = ? order by table_name")) {
            q.setString(1, REFERRAL_ID);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    children.add(rs.getString(1));
                }
            }
        }
        notCopied.clear();
        for (String child : children) {
            if (COPIED.contains(child)) {
                tables.put(child, columns(child));
            } else if (!child.equals(AUDIT_ENTRY)) {
                notCopied.add(child);
            }
        }
        tables.put(AUDIT_ENTRY, columns(AUDIT_ENTRY));
        try (Statement sql = db.createStatement()) {
            for (String table : tables.keySet()) {
                String key = table.equals("referral") ? "id" : REFERRAL_ID;
                String ordinal = table.equals("referral_identity")
                        ? ", row_number() over (partition by referral_id order by nik_hash) as gen_ord"
                        : "";
                sql.execute("drop table if exists gen_s_" + table);
                sql.execute("create temp table gen_s_" + table + " as select *" + ordinal + " from " + table + " where "
                        + key + " in (select id from gen_seed)");
            }
        }
    }

    private void copyBatch(long from, long to, long count, double spacing, Map<String, Long> rows) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("drop table if exists gen_map");
            sql.execute("create temp table gen_map as select g as n, s.id as seed, gen_random_uuid() as id,"
                    + " (now() - make_interval(secs => (" + count + " - g) * " + spacing + ")) - s.created_at as delta,"
                    + " case when g % 5 = 1 then g - 1 else g end as victim"
                    + " from generate_series(" + from + "::bigint, " + to + "::bigint) g"
                    + " join gen_seed s on s.k = g % " + seeds);
            for (Map.Entry<String, List<Column>> table : tables.entrySet()) {
                if (table.getKey().equals(AUDIT_ENTRY)) {
                    continue;
                }
                rows.merge(table.getKey(), (long) sql.executeUpdate(copy(table.getKey(), table.getValue())), Long::sum);
            }
            try (ResultSet lock = sql.executeQuery("select pg_advisory_xact_lock(" + AUDIT_LOCK + ")")) {
                lock.next();
            }
            long base = single("select coalesce(max(idx) + 1, 0) from " + AUDIT_ENTRY);
            rows.merge(AUDIT_ENTRY, (long) sql.executeUpdate(copyAudit(base)), Long::sum);
            rows.merge("audit_node", appendTree(sql, base), Long::sum);
        }
    }

    /** {@code insert into t (…) select … from gen_map m join gen_s_t s on …}: the seed's row, as a copy's. */
    private String copy(String table, List<Column> columns) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Column c : columns) {
            String value = value(table, c);
            if (value != null) {
                names.add(c.name());
                values.add(value);
            }
        }
        String key = table.equals("referral") ? "id" : REFERRAL_ID;
        return "insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", values)
                + " from gen_map m join gen_s_" + table + " s on s." + key + " = m.seed";
    }

    /** A column's value in a copy; null: left to its default (a bigserial id). */
    private String value(String table, Column c) {
        String name = c.name();
        if (table.equals("referral") && name.equals("id")) {
            return "m.id";
        }
        if (table.equals("referral") && name.equals("source_reference")) {
            return "s.source_reference || '" + MARK + "' || m.n";
        }
        if (name.equals(REFERRAL_ID)) {
            return "m.id";
        }
        if (name.equals("id") && c.type().equals("uuid")) {
            return "gen_random_uuid()";
        }
        if (c.defaultValue() != null && c.defaultValue().startsWith("nextval(")) {
            return null;
        }
        if (table.equals("referral_identity") && name.equals("nik_hash")) {
            return "sha256(decode('" + salt + "', 'hex') || int8send(m.victim) || int4send(s.gen_ord::int))";
        }
        if (table.equals("referral_route") && name.equals("status")) {
            // Years old: its receiver answered long ago (no referral of 2023 is still awaiting an answer).
            return "case when s.status = 'REQUESTED' then 'COMPLETED' else s.status end";
        }
        if (c.type().equals("timestamp with time zone")) {
            return "s." + name + " + m.delta";
        }
        return "s." + name;
    }

    /**
     * The seeds' audit entries as the copies': gap-free indexes after the log's last, tickets from the
     * pending queue's sequence, the entry bytes with the copy's referral id and time (the bytes the
     * leaf hash is over), under the sequencer's lock.
     */
    private String copyAudit(long base) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Column c : tables.get(AUDIT_ENTRY)) {
            String value = switch (c.name()) {
                case "idx" -> base + " + row_number() over (order by m.n, s.idx) - 1";
                case "ticket" -> "nextval(pg_get_serial_sequence('" + AUDIT_PENDING + "', 'ticket'))";
                case "entry" ->
                    "convert_to(replace(regexp_replace(convert_from(s.entry, 'UTF8'), '\"at\":\"[^\"]*\"',"
                            + " '\"at\":\"' || to_char((s.at + m.delta) at time zone 'UTC',"
                            + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || '\"'), s.referral_id::text, m.id::text), 'UTF8')";
                default -> value(AUDIT_ENTRY, c);
            };
            names.add(c.name());
            values.add(value);
        }
        return "insert into " + AUDIT_ENTRY + " (" + String.join(", ", names) + ") select "
                + String.join(", ", values) + " from gen_map m join gen_s_" + AUDIT_ENTRY
                + " s on s.referral_id = m.seed";
    }

    /**
     * The Merkle tree's new complete subtrees (RFC 9162): leaves SHA-256(0x00 ‖ entry) of the entries
     * from {@code base}, then level by level SHA-256(0x01 ‖ left ‖ right) of every node whose two
     * children now exist; nodes below {@code base >> level} were complete before and are kept.
     */
    private static long appendTree(Statement sql, long base) throws SQLException {
        long inserted = sql.executeUpdate("insert into audit_node (level, idx, hash) select 0, idx,"
                + " sha256('\\x00'::bytea || entry) from " + AUDIT_ENTRY + " where idx >= " + base);
        long total = inserted;
        for (int level = 1; level < 63 && inserted > 0; level++) {
            inserted = sql.executeUpdate("insert into audit_node (level, idx, hash) select " + level
                    + ", a.idx / 2, sha256('\\x01'::bytea || a.hash || b.hash) from audit_node a"
                    + " join audit_node b on b.level = a.level and b.idx = a.idx + 1"
                    + " where a.level = " + (level - 1) + " and a.idx % 2 = 0 and a.idx >= " + 2 * (base >> level));
            total += inserted;
        }
        return total;
    }

    /** Real referrals of one sender (not copies: theirs decrypt), at most {@code limit}, in random order. */
    List<UUID> realReferrals(String sender, int limit) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select id from referral where sender_id = ?"
                + " and source_reference not like '%" + MARK + "%' order by random() limit ?")) {
            q.setString(1, sender);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** The database's size on disk, e.g. {@code 11 GB}. */
    String databaseSize() throws SQLException {
        try (Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("select pg_size_pretty(pg_database_size(current_database()))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private List<Column> columns(String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select column_name, data_type, column_default"
                + " from information_schema.columns where table_schema = current_schema() and table_name = ?"
                + " and is_generated = 'NEVER' and is_identity = 'NO' order by ordinal_position")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return columns;
    }

    private long single(String query) throws SQLException {
        try (Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
