package id.lintas.hub.account;

import id.lintas.contracts.spi.FieldError;
import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.platform.DatabaseOnly;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code java -jar lintas-hub.jar users add --username NAME --role ROLE [--role ROLE] [--party P]
 * --password-stdin [--spring.datasource.url=... | --lintas.data-dir=...]}: creates an account and exits,
 * with the hub's configuration (same properties, environment variables and database, embedded or
 * external), starting only the database and its migrations. The password is read from the first line of
 * standard input, never from the command line. Exit status 0 when created, 1 when refused, 2 on a usage error.
 */
public final class UsersCommand {

    /** The actor of accounts the command creates, in {@code account_event}. */
    static final String ACTOR = "command-line";

    private static final String USAGE =
            "usage: users add --username NAME --role ROLE [--role ROLE ...] [--party PARTICIPANT]"
                    + " --password-stdin [--lintas.data-dir=DIR | --spring.datasource.url=URL ...]\n"
                    + "  roles: ADMIN, SIGNER (with --party), AUDITOR (national, or of one party with --party), OPERATOR; the password (at least "
                    + AccountRules.MIN_PASSWORD + " characters) is the first line of standard input";

    private UsersCommand() {}

    /** True when the hub's arguments ask for this command instead of the hub. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && "users".equals(args[0]);
    }

    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        if (args.length < 2 || !"users".equals(args[0]) || !"add".equals(args[1])) {
            err.println(USAGE);
            return 2;
        }
        String username = null;
        String party = null;
        boolean passwordFromStdin = false;
        List<String> roles = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--username" -> {
                    username = value;
                    i++;
                }
                case "--role" -> {
                    if (value != null) {
                        roles.addAll(Arrays.asList(value.split(",")));
                    }
                    i++;
                }
                case "--party" -> {
                    party = value;
                    i++;
                }
                case "--password-stdin" -> passwordFromStdin = true;
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (arg.startsWith("--username=")) {
                        username = arg.substring("--username=".length());
                    } else if (arg.startsWith("--role=")) {
                        roles.addAll(
                                Arrays.asList(arg.substring("--role=".length()).split(",")));
                    } else if (arg.startsWith("--party=")) {
                        party = arg.substring("--party=".length());
                    } else if (arg.startsWith("--") && arg.contains("=")) {
                        springArgs.add(
                                arg); // the hub's configuration: --lintas.data-dir=..., --spring.datasource.url=...
                    } else {
                        err.println("users add: unknown argument " + arg + "\n" + USAGE);
                        return 2;
                    }
                }
            }
        }
        if (!passwordFromStdin) {
            err.println(
                    "users add: give --password-stdin; the password is read from standard input, never from the command line\n"
                            + USAGE);
            return 2;
        }
        String password = firstLine(stdin);
        List<FieldError> errors = new ArrayList<>(AccountRules.username(username));
        errors.addAll(AccountRules.password(password));
        errors.addAll(AccountRules.roles(roles, party, p -> true).errors());
        if (!errors.isEmpty()) {
            errors.forEach(e -> err.println("users add: " + e.field() + ": " + e.reason()));
            return 1;
        }
        try (ConfigurableApplicationContext database = startDatabase(springArgs)) {
            AccountService accounts = new AccountService(
                    database.getBean(JdbcClient.class),
                    new JdbcUserDetailsManager(database.getBean(DataSource.class)),
                    PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                    database.getBean(TransactionTemplate.class),
                    p -> true,
                    database.getBean(AuditLog.class)::append);
            AccountService.AccountView created = accounts.create(username, password, roles, party, ACTOR);
            out.println("Created account " + created.username() + " with roles " + String.join(", ", created.roles())
                    + (created.party() == null ? "" : " for party " + created.party()));
            return 0;
        } catch (AccountProblem refused) {
            refused.errors().forEach(e -> err.println("users add: " + e.field() + ": " + e.reason()));
            return 1;
        } catch (RuntimeException failed) {
            Throwable cause = failed;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            err.println("users add: the database could not be used: " + cause.getMessage());
            return 1;
        }
    }

    private static ConfigurableApplicationContext startDatabase(List<String> springArgs) {
        // The audit log too: an account the command creates is on record like one an administrator creates.
        return new SpringApplicationBuilder(DatabaseOnly.class, AuditLog.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .listeners(new Quiet())
                .run(springArgs.toArray(String[]::new));
    }

    /**
     * After the configuration is read and before logging starts: only warnings on the console, and no
     * second start of an embedded database a running hub owns (starting it would stop the hub's).
     */
    private static final class Quiet implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            ConfigurableEnvironment environment = event.getEnvironment();
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "users-command",
                            Map.of("logging.level.root", "WARN", "logging.level.lintas.security", "WARN")));
            if (environment.getProperty("spring.datasource.url", "").isEmpty()) {
                Path dataDir = Path.of(environment.getProperty("lintas.data-dir", ".lintas-data"));
                try {
                    if (DatabaseOnly.embeddedDatabaseRunning(dataDir)) {
                        throw new IllegalStateException("a PostgreSQL is running on " + dataDir.resolve("postgres")
                                + ": stop the hub first (with an external database, the hub may keep running)");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public int getOrder() {
            // After the configuration files are read (+10), before the logging system starts (+20).
            return Ordered.HIGHEST_PRECEDENCE + 15;
        }
    }

    private static String firstLine(InputStream stdin) {
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return line; // without its line break; spaces are part of the password
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
