package id.lintas.hub.security;

import id.lintas.hub.audit.AuditEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller of the current request.
 *
 * @param name the participant id (machines) or the account name (people)
 * @param roles what it may do
 * @param party the participant it acts for: a machine's own participant, a signer's party; null for others
 */
public record Caller(String name, Set<Role> roles, String party) {

    /** A signer's party is granted as this authority prefix followed by the participant id. */
    public static final String PARTY_PREFIX = "PARTY_";

    /** The caller of the current request, if one is authenticated. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return Optional.of(of(authentication));
    }

    /**
     * Who did it, for the audit log: the hub itself ({@code hub}), or the authenticated person or system
     * whose name a service was given (the command line and start-up registrations have none: their name alone).
     */
    public static AuditEvent.Actor auditActor(String actor) {
        if ("hub".equals(actor)) {
            return AuditEvent.Actor.system();
        }
        return current()
                .filter(caller -> caller.name().equals(actor))
                .map(caller -> new AuditEvent.Actor(caller.name(), caller.party(), caller.actingRole()))
                .orElseGet(() -> new AuditEvent.Actor(actor, null, null));
    }

    /** The caller of the current request; fails when none is (the security chain prevents that). */
    public static Caller required() {
        return current().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
    }

    static Caller of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String party = null;
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            String authority = granted.getAuthority();
            for (Role role : Role.values()) {
                if (role.authority().equals(authority)) {
                    roles.add(role);
                }
            }
            if (authority != null && authority.startsWith(PARTY_PREFIX)) {
                party = authority.substring(PARTY_PREFIX.length());
            }
        }
        if (roles.contains(Role.PARTICIPANT)) {
            party = authentication.getName();
        }
        return new Caller(authentication.getName(), Set.copyOf(roles), party);
    }

    /**
     * The role this caller acts in, for the audit log: a region's system is a participant; a person holding
     * several roles is named by the one that changes most (operator, administrator, signer, then auditor).
     */
    public String actingRole() {
        for (Role role : List.of(Role.PARTICIPANT, Role.OPERATOR, Role.ADMIN, Role.SIGNER, Role.AUDITOR)) {
            if (roles.contains(role)) {
                return role.name();
            }
        }
        return "NONE";
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** True when this is the participant's own system. */
    public boolean isParticipant(String participant) {
        return is(Role.PARTICIPANT) && participant != null && participant.equals(party);
    }

    /** True when this person signs for the participant. */
    public boolean signsFor(String participant) {
        return is(Role.SIGNER) && participant != null && participant.equals(party);
    }
}
