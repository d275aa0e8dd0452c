package id.lintas.hub.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import id.lintas.hub.account.AccountService;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.security.Caller;
import id.lintas.hub.security.KeyPurpose;
import id.lintas.hub.security.ParticipantKeys;
import id.lintas.hub.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Demo only: synthetic accounts for each role and client keys for the four regions' systems (README,
 * "Demo accounts and keys"). They are marked as demo data, and {@code DemoCredentialsGuard} refuses to
 * start the hub outside the demo profile while any of them is active.
 */
@Component
@Profile("demo")
class DemoCredentials {

    /** Who registered the demo's keys; the guard looks for it. */
    static final String ACTOR = "demo-setup";

    private static final Logger log = LoggerFactory.getLogger(DemoCredentials.class);
    private static final List<String> REGIONS = List.of("kukar", "ppu", "jakarta", "prabumulih");

    private final JdbcUserDetailsManager accounts;
    private final PasswordEncoder passwords;
    private final AccountService demoAccounts;
    private final ParticipantKeys keys;
    private final ParticipantDirectory participants;
    private final ObjectMapper json;

    DemoCredentials(
            JdbcUserDetailsManager accounts,
            PasswordEncoder passwords,
            AccountService demoAccounts,
            ParticipantKeys keys,
            ParticipantDirectory participants,
            ObjectMapper json) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.demoAccounts = demoAccounts;
        this.keys = keys;
        this.participants = participants;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void create() throws IOException {
        Map<String, List<String>> people = new java.util.LinkedHashMap<>();
        people.put("admin", List.of(Role.ADMIN.authority()));
        people.put("auditor", List.of(Role.AUDITOR.authority()));
        people.put("operator", List.of(Role.OPERATOR.authority()));
        for (String region : REGIONS) {
            people.put("signer-" + region, List.of(Role.SIGNER.authority(), Caller.PARTY_PREFIX + region));
        }
        for (Map.Entry<String, List<String>> person : people.entrySet()) {
            if (accounts.userExists(person.getKey())) {
                continue;
            }
            List<SimpleGrantedAuthority> authorities = new ArrayList<>();
            person.getValue().forEach(a -> authorities.add(new SimpleGrantedAuthority(a)));
            accounts.createUser(User.withUsername(person.getKey())
                    .password(passwords.encode("demo-" + person.getKey()))
                    .authorities(authorities)
                    .build());
            demoAccounts.markDemo(person.getKey());
        }
        for (String region : REGIONS) {
            if (participants.find(region).isEmpty()) {
                continue;
            }
            JWK key = clientKey(region);
            ParticipantKeys.KeyView registered = keys.keys(region, KeyPurpose.CLIENT).stream()
                    .filter(k -> k.kid().equals(key.getKeyID()))
                    .findFirst()
                    .orElseGet(() -> registerClientKey(region, key));
            if (registered.revokedAt() == null && registered.approvedAt() == null) {
                // The region's demo signer approves its published key, so the demo's systems obtain tokens at once.
                keys.approveClientKey(
                        region, key.getKeyID(), new Caller("signer-" + region, Set.of(Role.SIGNER), region));
            }
        }
        log.info(
                "Demo accounts {} (password: demo-<name>) and the regions' demo client keys are ready",
                people.keySet());
    }

    private ParticipantKeys.KeyView registerClientKey(String region, JWK key) {
        try {
            return keys.registerKey(
                    region, KeyPurpose.CLIENT, json.readTree(key.toPublicJWK().toJSONString()), ACTOR);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JWK clientKey(String region) throws IOException {
        try (InputStream in = DemoCredentials.class.getResourceAsStream("/demo/clients/" + region + ".jwk.json")) {
            if (in == null) {
                throw new IllegalStateException("no demo client key for " + region);
            }
            return JWK.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("the demo client key of " + region + " is not a JWK", e);
        }
    }
}
