package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner for each table's SQL: every table of the migrations is named in the SQL of one hub package
 * only; other packages reach it through the owner's service. Read from the sources, as the SQL is text.
 */
class TableOwnershipTest {

    private static final Path HUB_MAIN = Path.of("src/main/java/id/lintas/hub");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create table (?:if not exists )?([a-z_]+)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");
    private static final Pattern SQL_TABLE = Pattern.compile("(?i)\\b(?:from|into|update|join|table)\\s+([a-z_]+)\\b");
    /**
     * The exceptions: the start-up guard reads how many demo accounts are enabled ({@code users},
     * owned by {@code account}) before any service runs; {@code account} depends on {@code security},
     * so the guard cannot ask it, and its test constructs it with a JdbcClient.
     */
    private static final Map<String, String> KNOWN_READERS = Map.of(
            "users",
            "security",
            // The auditors' search reads the log's indexed columns (sender, receiver, agreement, kind); only audit
            // writes it.
            "audit_entry",
            "trail");
    /** Which package owns which table. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("referral", "referral"),
            Map.entry("referral_event", "referral"),
            Map.entry("referral_identity", "referral"),
            Map.entry("referral_route", "referral"),
            Map.entry("delivery", "delivery"),
            Map.entry("inbound_message", "ingest"),
            Map.entry("agreement_version", "agreement"),
            Map.entry("agreement_signature", "agreement"),
            Map.entry("agreement_event", "agreement"),
            Map.entry("participant_key", "security"),
            Map.entry("participant_key_event", "security"),
            Map.entry("client_assertion_jti", "security"),
            Map.entry("login_failure", "security"),
            Map.entry("users", "account"),
            Map.entry("authorities", "account"),
            Map.entry("account_event", "account"),
            Map.entry("participant", "participant"),
            Map.entry("participant_history", "participant"),
            Map.entry("audit_pending", "audit"),
            Map.entry("audit_entry", "audit"),
            Map.entry("audit_node", "audit"),
            Map.entry("audit_checkpoint", "audit"),
            Map.entry("audit_cosignature", "audit"));

    @Test
    void everyTablesSqlIsInItsOwnersPackageOnly() throws IOException {
        Set<String> tables = tables();
        assertThat(tables).contains("participant_key", "referral", "delivery", "users");

        Map<String, Set<String>> packagesByTable = new TreeMap<>();
        try (Stream<Path> files = Files.walk(HUB_MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = HUB_MAIN.relativize(file);
                String feature =
                        relative.getNameCount() > 1 ? relative.getName(0).toString() : "(root)";
                Matcher literal = LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    Matcher sql = SQL_TABLE.matcher(literal.group(1));
                    while (sql.find()) {
                        String table = sql.group(1).toLowerCase(Locale.ROOT);
                        if (tables.contains(table)) {
                            packagesByTable
                                    .computeIfAbsent(table, t -> new TreeSet<>())
                                    .add(feature);
                        }
                    }
                }
            }
        }
        KNOWN_READERS.forEach((table, reader) ->
                packagesByTable.getOrDefault(table, new TreeSet<>()).remove(reader));

        assertThat(packagesByTable.get("participant_key"))
                .as("the table the issue names")
                .containsExactly("security");
        packagesByTable.forEach((table, packages) -> assertThat(packages)
                .as("packages with SQL on " + table + "; only its owner may have it")
                .containsExactly(owner(table)));
    }

    private static String owner(String table) {
        assertThat(OWNERS).as("every table with SQL has an owner here").containsKey(table);
        return OWNERS.get(table);
    }

    private static Set<String> tables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher create = CREATE_TABLE.matcher(Files.readString(file));
                while (create.find()) {
                    tables.add(create.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }
}
