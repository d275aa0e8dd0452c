package id.lintas.hub.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One event of the audit log, before it is encoded ({@link EntryEncoding}, docs/audit.md). It holds ids,
 * participants, people's account names, agreement ids and versions, codes, times and a keyed commitment
 * (HMAC) of a payload: <b>never</b> names, NIK, phone numbers or chronology, because entries are kept for
 * good while bodies follow their retention. Every field but {@code kind} and {@code at} may be null.
 *
 * @param kind what happened
 * @param at when (kept to the microsecond)
 * @param actor who did it, as which role
 * @param referralId the referral concerned
 * @param sender the sending participant
 * @param receiver the receiving participant
 * @param agreementId the agreement the handoff was under
 * @param agreementVersion its version
 * @param outcome a code: {@code ACCEPTED}, {@code REFUSED}, {@code DELIVERED}, an HTTP status...
 * @param details small, non-identifying facts: keys {@code [A-Za-z0-9_.-]{1,64}}, values a string of at
 *     most 200 characters, an integer, a boolean or a list of such strings (e.g. failed clause ids)
 * @param commitment an HMAC of a payload (see {@link AuditLog#commitment(byte[])}), proving later which
 *     payload it was without keeping it
 */
public record AuditEvent(
        AuditKind kind,
        Instant at,
        Actor actor,
        UUID referralId,
        String sender,
        String receiver,
        String agreementId,
        Integer agreementVersion,
        String outcome,
        Map<String, Object> details,
        Commitment commitment) {

    private static final Pattern DETAIL_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final int MAX_DETAIL_CHARS = 200;

    /**
     * @param account a person's account name or a system's client id
     * @param participant the participant the actor acts for
     * @param role the role it acted in ({@code PARTICIPANT}, {@code OPERATOR}, {@code AUDITOR}...)
     */
    public record Actor(String account, String participant, String role) {
        public static Actor system() {
            return new Actor("hub", null, "SYSTEM");
        }
    }

    /**
     * A keyed commitment of a payload: HMAC-SHA256 under the hub's commitment key.
     *
     * @param keyId the Tink key id (unsigned decimal) of the key that made it
     * @param mac the 32 bytes
     */
    public record Commitment(String keyId, byte[] mac) {
        public Commitment {
            Objects.requireNonNull(keyId, "keyId");
            if (mac == null || mac.length != 32) {
                throw new IllegalArgumentException("an HMAC-SHA256 commitment has 32 bytes");
            }
            mac = mac.clone();
        }

        @Override
        public byte[] mac() {
            return mac.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Commitment c && keyId.equals(c.keyId) && java.util.Arrays.equals(mac, c.mac);
        }

        @Override
        public int hashCode() {
            return 31 * keyId.hashCode() + java.util.Arrays.hashCode(mac);
        }

        @Override
        public String toString() {
            return "Commitment[" + keyId + "]";
        }
    }

    public AuditEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.MICROS);
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        details.forEach(AuditEvent::checkDetail);
    }

    private static void checkDetail(String key, Object value) {
        if (key == null || !DETAIL_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("audit detail key " + key + " is not [A-Za-z0-9_.-]{1,64}");
        }
        if (value instanceof String s) {
            checkDetailString(key, s);
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw new IllegalArgumentException("audit detail " + key + ": a list holds strings only");
                }
                checkDetailString(key, s);
            }
        } else if (!(value instanceof Long || value instanceof Integer || value instanceof Boolean)) {
            throw new IllegalArgumentException(
                    "audit detail " + key + ": a string, integer, boolean or list of strings");
        }
    }

    private static void checkDetailString(String key, String value) {
        if (value.length() > MAX_DETAIL_CHARS) {
            throw new IllegalArgumentException("audit detail " + key + " is longer than " + MAX_DETAIL_CHARS
                    + " characters: details are codes and ids, never free text");
        }
    }

    /** An event of this kind now, to fill in with the {@code with...} methods. */
    public static AuditEvent of(AuditKind kind) {
        return new AuditEvent(kind, Instant.now(), null, null, null, null, null, null, null, null, null);
    }

    public AuditEvent at(Instant when) {
        return new AuditEvent(
                kind,
                when,
                actor,
                referralId,
                sender,
                receiver,
                agreementId,
                agreementVersion,
                outcome,
                details,
                commitment);
    }

    public AuditEvent withActor(Actor who) {
        return new AuditEvent(
                kind,
                at,
                who,
                referralId,
                sender,
                receiver,
                agreementId,
                agreementVersion,
                outcome,
                details,
                commitment);
    }

    public AuditEvent withActor(String account, String participant, String role) {
        return withActor(new Actor(account, participant, role));
    }

    public AuditEvent withReferral(UUID referral) {
        return new AuditEvent(
                kind,
                at,
                actor,
                referral,
                sender,
                receiver,
                agreementId,
                agreementVersion,
                outcome,
                details,
                commitment);
    }

    public AuditEvent withParties(String from, String to) {
        return new AuditEvent(
                kind, at, actor, referralId, from, to, agreementId, agreementVersion, outcome, details, commitment);
    }

    public AuditEvent withAgreement(String id, Integer version) {
        return new AuditEvent(kind, at, actor, referralId, sender, receiver, id, version, outcome, details, commitment);
    }

    public AuditEvent withOutcome(String code) {
        return new AuditEvent(
                kind,
                at,
                actor,
                referralId,
                sender,
                receiver,
                agreementId,
                agreementVersion,
                code,
                details,
                commitment);
    }

    /** Adds one detail (see the record's {@code details}). */
    public AuditEvent withDetail(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new AuditEvent(
                kind,
                at,
                actor,
                referralId,
                sender,
                receiver,
                agreementId,
                agreementVersion,
                outcome,
                more,
                commitment);
    }

    public AuditEvent withCommitment(Commitment of) {
        return new AuditEvent(
                kind, at, actor, referralId, sender, receiver, agreementId, agreementVersion, outcome, details, of);
    }
}
