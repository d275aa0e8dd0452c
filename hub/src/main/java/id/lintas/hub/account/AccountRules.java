package id.lintas.hub.account;

import id.lintas.contracts.spi.FieldError;
import id.lintas.hub.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What a person's account may be, checked the same way by the command and the API: a name, roles
 * that are people's roles, a party for a signer (required) or an auditor (optional: without one the
 * auditor is national, with one it sees that party's handoffs only) and no one else, no administrator who also
 * signs (that one person could register and sign an agreement), and a password bcrypt can hold.
 */
final class AccountRules {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern PARTY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final int MIN_PASSWORD = 12;
    /** bcrypt reads at most 72 bytes. */
    static final int MAX_PASSWORD_BYTES = 72;

    private AccountRules() {}

    /** The roles and party as checked values, or the errors naming what is wrong. */
    record Checked(Set<Role> roles, String party, List<FieldError> errors) {}

    static List<FieldError> username(String username) {
        if (username == null || username.isBlank()) {
            return List.of(new FieldError("username", "required"));
        }
        if (!USERNAME.matcher(username).matches()) {
            return List.of(
                    new FieldError(
                            "username",
                            "2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        return List.of();
    }

    static List<FieldError> password(String password) {
        if (password == null || password.isEmpty()) {
            return List.of(new FieldError("password", "required"));
        }
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            return List.of(new FieldError("password", "at least " + MIN_PASSWORD + " characters"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return List.of(new FieldError("password", "at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8"));
        }
        return List.of();
    }

    /**
     * @param knownParty whether a participant id exists (the API asks the directory; the command only checks the form)
     */
    static Checked roles(Collection<String> names, String party, Predicate<String> knownParty) {
        List<FieldError> errors = new ArrayList<>();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null || names.isEmpty()) {
            errors.add(new FieldError("roles", "at least one of ADMIN, SIGNER, AUDITOR, OPERATOR"));
        } else {
            for (String name : names) {
                Role role = person(name);
                if (role == null) {
                    errors.add(new FieldError(
                            "roles", "'" + name + "' is not a person's role: ADMIN, SIGNER, AUDITOR or OPERATOR"));
                } else {
                    roles.add(role);
                }
            }
        }
        String normalised = party == null || party.isBlank() ? null : party.trim();
        if (roles.contains(Role.SIGNER)) {
            if (normalised == null) {
                errors.add(new FieldError("party", "required for a signer: the participant they sign for"));
            } else if (!PARTY.matcher(normalised).matches() || !knownParty.test(normalised)) {
                errors.add(new FieldError("party", "not a participant of this hub"));
            }
        } else if (roles.contains(Role.AUDITOR)) {
            // An auditor without a party is national (every handoff); with one, it sees that party's handoffs only.
            if (normalised != null && (!PARTY.matcher(normalised).matches() || !knownParty.test(normalised))) {
                errors.add(new FieldError("party", "not a participant of this hub"));
            }
        } else if (normalised != null) {
            errors.add(new FieldError("party", "only a signer or an auditor has a party"));
        }
        if (roles.contains(Role.ADMIN) && roles.contains(Role.SIGNER)) {
            errors.add(new FieldError(
                    "roles", "an administrator does not sign for a party: give these roles to two people"));
        }
        return new Checked(Set.copyOf(roles), normalised, List.copyOf(errors));
    }

    private static Role person(String name) {
        if (name == null) {
            return null;
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        for (Role role : Role.values()) {
            if (role != Role.PARTICIPANT && role.name().equals(upper)) {
                return role;
            }
        }
        return null;
    }
}
