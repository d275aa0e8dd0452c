package id.lintas.hub.account;

import id.lintas.contracts.spi.FieldError;
import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.security.Caller;
import id.lintas.hub.security.Role;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People's accounts in Spring Security's {@code users} and {@code authorities} tables: created, disabled,
 * enabled, reset and given roles, each change in one transaction with its {@code account_event}. The
 * last enabled administrator keeps the role and the account; no one creates or changes their own.
 */
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger("lintas.security");

    private final JdbcClient jdbc;
    private final JdbcUserDetailsManager users;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final Predicate<String> knownParty;
    private final Consumer<AuditEvent> audit;

    /** @param audit appends to the audit log in the caller's transaction (the hub's {@code AuditLog}) */
    AccountService(
            JdbcClient jdbc,
            JdbcUserDetailsManager users,
            PasswordEncoder passwords,
            TransactionTemplate transactions,
            Predicate<String> knownParty,
            Consumer<AuditEvent> audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.users = users;
        this.passwords = passwords;
        this.transactions = transactions;
        this.knownParty = knownParty;
    }

    /** An account as administrators see it: never the password hash. */
    record AccountView(
            String username, boolean enabled, List<String> roles, String party, boolean demo, List<Event> events) {}

    /** One recorded change. */
    record Event(String event, String actor, String detail, Instant at) {}

    List<AccountView> list() {
        Map<String, List<String>> authorities = authorities(null);
        return jdbc.sql("select username, enabled, demo from users order by username")
                .query((rs, n) -> view(
                        rs.getString(1),
                        rs.getBoolean(2),
                        rs.getBoolean(3),
                        authorities.getOrDefault(rs.getString(1), List.of()),
                        null))
                .list();
    }

    AccountView get(String username) {
        return jdbc.sql("select username, enabled, demo from users where username = ?")
                .param(username)
                .query((rs, n) -> view(
                        rs.getString(1),
                        rs.getBoolean(2),
                        rs.getBoolean(3),
                        authorities(username).getOrDefault(username, List.of()),
                        events(username)))
                .optional()
                .orElseThrow(() -> AccountProblem.notFound(username));
    }

    /** Creates an account; {@code actor} is who asks (an administrator, or the command line). */
    AccountView create(String username, String password, Collection<String> roleNames, String party, String actor) {
        List<FieldError> errors = new ArrayList<>(AccountRules.username(username));
        errors.addAll(AccountRules.password(password));
        AccountRules.Checked checked = AccountRules.roles(roleNames, party, knownParty);
        errors.addAll(checked.errors());
        if (!errors.isEmpty()) {
            throw AccountProblem.invalid(errors);
        }
        if (username.equals(actor)) {
            throw AccountProblem.ownAccount("no one creates an account for themselves");
        }
        String hash = passwords.encode(password);
        try {
            transactions.executeWithoutResult(tx -> {
                if (users.userExists(username)) {
                    throw exists();
                }
                users.createUser(User.withUsername(username)
                        .password(hash)
                        .authorities(granted(checked.roles(), checked.party()).stream()
                                .map(SimpleGrantedAuthority::new)
                                .toList())
                        .build());
                record(username, "CREATED", actor, describe(checked.roles(), checked.party()));
                audited(username, "CREATED", actor, checked);
            });
        } catch (DuplicateKeyException raced) {
            throw exists();
        }
        return get(username);
    }

    AccountView disable(String username, String actor) {
        transactions.executeWithoutResult(tx -> {
            List<String> admins = lockEnabledAdministrators();
            boolean enabled = lock(username);
            if (!enabled) {
                return;
            }
            if (admins.contains(username) && admins.size() == 1) {
                throw lastAdministrator(
                        "the last enabled administrator cannot be disabled; make another administrator first");
            }
            jdbc.sql("update users set enabled = false where username = ?")
                    .param(username)
                    .update();
            record(username, "DISABLED", actor, null);
            audited(username, "DISABLED", actor, null);
        });
        return get(username);
    }

    /** Marks an account as the demo's: its password is published, and the start-up guard refuses it outside the demo. */
    public void markDemo(String username) {
        jdbc.sql("update users set demo = true where username = ?")
                .param(username)
                .update();
    }

    AccountView enable(String username, String actor) {
        transactions.executeWithoutResult(tx -> {
            if (lock(username)) {
                return;
            }
            jdbc.sql("update users set enabled = true where username = ?")
                    .param(username)
                    .update();
            record(username, "ENABLED", actor, null);
            audited(username, "ENABLED", actor, null);
        });
        return get(username);
    }

    void resetPassword(String username, String password, String actor) {
        List<FieldError> errors = AccountRules.password(password);
        if (!errors.isEmpty()) {
            throw AccountProblem.invalid(errors);
        }
        String hash = passwords.encode(password);
        transactions.executeWithoutResult(tx -> {
            lock(username);
            jdbc.sql("update users set password = ? where username = ?")
                    .param(hash)
                    .param(username)
                    .update();
            record(username, "PASSWORD_RESET", actor, null);
            audited(username, "PASSWORD_RESET", actor, null);
        });
    }

    AccountView setRoles(String username, Collection<String> roleNames, String party, String actor) {
        AccountRules.Checked checked = AccountRules.roles(roleNames, party, knownParty);
        if (!checked.errors().isEmpty()) {
            throw AccountProblem.invalid(checked.errors());
        }
        if (username.equals(actor)) {
            throw AccountProblem.ownAccount("no one changes their own roles: another administrator does");
        }
        transactions.executeWithoutResult(tx -> {
            List<String> admins = lockEnabledAdministrators();
            lock(username);
            if (admins.contains(username)
                    && admins.size() == 1
                    && !checked.roles().contains(Role.ADMIN)) {
                throw lastAdministrator(
                        "the last enabled administrator keeps the role; make another administrator first");
            }
            jdbc.sql("delete from authorities where username = ?")
                    .param(username)
                    .update();
            for (String authority : granted(checked.roles(), checked.party())) {
                jdbc.sql("insert into authorities (username, authority) values (?, ?)")
                        .param(username)
                        .param(authority)
                        .update();
            }
            record(username, "ROLES_CHANGED", actor, describe(checked.roles(), checked.party()));
            audited(username, "ROLES_CHANGED", actor, checked);
        });
        return get(username);
    }

    /** The enabled administrators, locked until the transaction ends, so two removals cannot both pass. */
    private List<String> lockEnabledAdministrators() {
        return jdbc.sql("select u.username from users u join authorities a on a.username = u.username"
                        + " where a.authority = ? and u.enabled order by u.username for update of u")
                .param(Role.ADMIN.authority())
                .query(String.class)
                .list();
    }

    /** Locks the account's row; @return whether it is enabled. */
    private boolean lock(String username) {
        return jdbc.sql("select enabled from users where username = ? for update")
                .param(username)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> AccountProblem.notFound(username));
    }

    private void record(String username, String event, String actor, String detail) {
        jdbc.sql("insert into account_event (username, event, actor, detail) values (?, ?, ?, ?)")
                .param(username)
                .param(event)
                .param(actor)
                .param(detail)
                .update();
        log.info("event=account-changed change={} account={} actor={}", event, username, actor);
    }

    /** The change in the audit log: the account, its roles and party; never a password or its hash. */
    private void audited(String username, String change, String actor, AccountRules.Checked roles) {
        AuditEvent.Actor who = Caller.current()
                .filter(caller -> caller.name().equals(actor))
                .map(caller -> new AuditEvent.Actor(caller.name(), caller.party(), caller.actingRole()))
                .orElseGet(() -> new AuditEvent.Actor(actor, null, null));
        AuditEvent event = AuditEvent.of(AuditKind.ACCOUNT_CHANGED)
                .withActor(who)
                .withOutcome(change)
                .withDetail("account", username)
                .withDetail("change", change);
        if (roles != null) {
            event = event.withDetail(
                    "roles", roles.roles().stream().sorted().map(Role::name).toList());
            if (roles.party() != null) {
                event = event.withDetail("party", roles.party());
            }
        }
        audit.accept(event);
    }

    private static List<String> granted(Set<Role> roles, String party) {
        List<String> authorities =
                new ArrayList<>(roles.stream().sorted().map(Role::authority).toList());
        if (party != null) {
            authorities.add(Caller.PARTY_PREFIX + party);
        }
        return authorities;
    }

    private static String describe(Set<Role> roles, String party) {
        String names = String.join(",", roles.stream().sorted().map(Role::name).toList());
        return party == null ? names : names + " party=" + party;
    }

    private Map<String, List<String>> authorities(String username) {
        Map<String, List<String>> byUser = new LinkedHashMap<>();
        jdbc.sql("select username, authority from authorities" + (username == null ? "" : " where username = :username")
                        + " order by username, authority")
                .params(username == null ? Map.of() : Map.of("username", username))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> byUser.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return byUser;
    }

    private List<Event> events(String username) {
        return jdbc.sql("select event, actor, detail, created_at from account_event where username = ? order by id")
                .param(username)
                .query((rs, n) -> new Event(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    private static AccountView view(
            String username, boolean enabled, boolean demo, List<String> authorities, List<Event> events) {
        List<String> roles = new ArrayList<>();
        String party = null;
        for (String authority : authorities) {
            if (authority.startsWith(Caller.PARTY_PREFIX)) {
                party = authority.substring(Caller.PARTY_PREFIX.length());
            } else if (authority.startsWith("ROLE_")) {
                roles.add(authority.substring("ROLE_".length()));
            }
        }
        return new AccountView(username, enabled, List.copyOf(roles), party, demo, events);
    }

    private static AccountProblem exists() {
        return AccountProblem.conflict(
                "account-exists", "Account exists", "username", "an account with this name exists");
    }

    private static AccountProblem lastAdministrator(String reason) {
        return AccountProblem.conflict("last-administrator", "Last administrator", "username", reason);
    }
}
