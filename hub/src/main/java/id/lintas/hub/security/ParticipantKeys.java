package id.lintas.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import id.lintas.contracts.spi.FieldError;
import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.participant.ParticipantDirectory;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Participants' public keys (JWK): signing keys, with which a party's signers sign agreements, and
 * client keys, with which its system signs {@code private_key_jwt} assertions at the token endpoint.
 * A key is registered for one purpose and belongs to one participant; a client key is usable only once
 * a second person approved it (four eyes); every registration, approval and revocation is on the trail.
 */
@Service
public class ParticipantKeys {

    private static final Logger log = LoggerFactory.getLogger(ParticipantKeys.class);

    private final ParticipantKeyRepository repository;
    private final ParticipantDirectory participants;
    private final ObjectMapper json;
    private final AuditLog audit;

    ParticipantKeys(
            ParticipantKeyRepository repository, ParticipantDirectory participants, ObjectMapper json, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
        this.participants = participants;
        this.json = json;
    }

    /** The participant's signing key {@code kid}, unless it is unknown or revoked. */
    public Optional<JWK> signingKey(String participant, String kid) {
        return repository
                .key(participant, kid)
                .filter(k -> k.revokedAt() == null && k.purpose() == KeyPurpose.SIGNING)
                .map(k -> jwk(k.jwk()));
    }

    /** Registers a participant's public key (a JWK) for one purpose. */
    @Transactional
    public KeyView registerKey(String participant, KeyPurpose purpose, JsonNode body, String actor) {
        if (participants.find(participant).isEmpty()) {
            throw KeyProblem.notFound("participant " + participant);
        }
        JWK key;
        try {
            key = JWK.parse(body.toString());
        } catch (ParseException e) {
            throw KeyProblem.invalid(
                    "not a JWK", List.of(new FieldError("(document)", "not a JSON Web Key: " + e.getMessage())));
        }
        List<FieldError> errors = new ArrayList<>();
        if (key.isPrivate()) {
            errors.add(new FieldError(
                    "d",
                    "this is a private key: register the public key only, and keep the private key with the signer"));
        }
        if (purpose == KeyPurpose.WITNESS) {
            if (!(key instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
                errors.add(new FieldError("kty", "a witness key is an Ed25519 key: kty OKP, crv Ed25519 (RFC 8037)"));
            }
            if (key.getKeyID() != null && !key.getKeyID().matches("[A-Za-z0-9._:-]{1,100}")) {
                errors.add(new FieldError(
                        "kid",
                        "a witness key's kid is its cosigner name in signature lines: 1 to 100 of"
                                + " A-Z a-z 0-9 . _ : - (no spaces, '+' or '/')"));
            }
        } else if (!"EC".equals(key.getKeyType().getValue())
                && !"RSA".equals(key.getKeyType().getValue())) {
            errors.add(new FieldError("kty", "key type " + key.getKeyType() + " is not accepted; use EC or RSA"));
        }
        if (key.getKeyID() == null || key.getKeyID().isBlank()) {
            errors.add(new FieldError("kid", "required: signatures name the key by its kid"));
        }
        if (!errors.isEmpty()) {
            throw KeyProblem.invalid("the key is not accepted", errors);
        }
        String publicJwk = key.toPublicJWK().toJSONString();
        String thumbprint = thumbprint(key);
        for (ParticipantKeyRepository.KeyRow same : repository.keysWithThumbprint(thumbprint)) {
            if (!same.participantId().equals(participant)
                    || !same.kid().equals(key.getKeyID())
                    || same.purpose() != purpose) {
                throw KeyProblem.conflict(
                        "key-in-use",
                        same.participantId().equals(participant)
                                ? "this public key is already registered for " + participant + " as " + same.purpose()
                                        + " key " + same.kid() + "; a key serves one purpose: generate another"
                                : "this public key is already registered for another participant; a key belongs to one participant",
                        "(document)");
            }
        }
        if (!repository.insertKey(participant, purpose, key.getKeyID(), publicJwk, thumbprint, actor)) {
            boolean same = repository
                    .key(participant, key.getKeyID())
                    .map(k -> k.jwk().equals(publicJwk) && k.purpose() == purpose)
                    .orElse(false);
            if (!same) {
                throw KeyProblem.conflict(
                        "key-exists",
                        "participant " + participant + " already has another key with kid " + key.getKeyID(),
                        "kid");
            }
        } else {
            repository.addKeyEvent(
                    participant,
                    key.getKeyID(),
                    purpose,
                    "REGISTERED",
                    actor,
                    purpose.needsApproval()
                            ? "waits for approval by a signer of " + participant + " or a second operator"
                            : null);
            audit.append(keyEvent(AuditKind.KEY_REGISTERED, participant, key.getKeyID(), purpose, actor)
                    .withDetail("thumbprint", thumbprint));
            log.info("{} key {} registered for participant {} by {}", purpose, key.getKeyID(), participant, actor);
        }
        return keyView(participant, key.getKeyID());
    }

    /**
     * Approves a participant's client key, which makes it usable at the token endpoint: a signer of the
     * participant may approve it, or an operator; never the person who registered it, so one operator
     * alone never makes a key speak for a region.
     */
    @Transactional
    public KeyView approveClientKey(String participant, String kid, Caller approver) {
        return approveKey(participant, KeyPurpose.CLIENT, kid, approver);
    }

    /** Approves a client or witness key, by the rule of {@link #approveClientKey}. */
    @Transactional
    public KeyView approveKey(String participant, KeyPurpose purpose, String kid, Caller approver) {
        String what = purpose.name().toLowerCase(Locale.ROOT) + " key ";
        ParticipantKeyRepository.KeyRow key = repository
                .key(participant, kid)
                .filter(k -> k.purpose() == purpose && purpose.needsApproval())
                .orElseThrow(() -> KeyProblem.notFound(what + kid + " of " + participant));
        if (key.revokedAt() != null) {
            throw KeyProblem.conflict(
                    "key-revoked", what + kid + " of " + participant + " is revoked; register a new key", "kid");
        }
        if (key.approvedAt() == null) {
            String as;
            if (approver.name().equals(key.registeredBy())) {
                throw KeyProblem.approvalRefused("you registered " + what + kid + ": another person, a signer of "
                        + participant + " or another operator, must approve it");
            } else if (approver.signsFor(participant)) {
                as = "as signer of " + participant;
            } else if (approver.is(Role.OPERATOR)) {
                as = "as second person (registered by " + key.registeredBy() + ")";
            } else {
                throw KeyProblem.approvalRefused(
                        "only a signer of " + participant + " or an operator may approve its " + what.strip() + "s");
            }
            if (repository.approveKey(participant, kid, approver.name())) {
                repository.addKeyEvent(participant, kid, purpose, "APPROVED", approver.name(), as);
                audit.append(keyEvent(AuditKind.KEY_APPROVED, participant, kid, purpose, approver.name()));
                log.info(
                        "{} key {} of participant {} approved by {} {}",
                        purpose,
                        kid,
                        participant,
                        approver.name(),
                        as);
            }
        }
        return keyView(participant, kid);
    }

    public List<KeyView> keys(String participant, KeyPurpose purpose) {
        if (participants.find(participant).isEmpty()) {
            throw KeyProblem.notFound("participant " + participant);
        }
        return repository.keys(participant, purpose).stream().map(this::keyView).toList();
    }

    /** Every registration, approval and revocation of the participant's keys, oldest first. */
    public List<KeyEvent> keyEvents(String participant) {
        if (participants.find(participant).isEmpty()) {
            throw KeyProblem.notFound("participant " + participant);
        }
        return repository.keyEvents(participant).stream()
                .map(e -> new KeyEvent(e.at(), e.kid(), e.purpose(), e.type(), e.actor(), e.detail()))
                .toList();
    }

    @Transactional
    public void revokeKey(String participant, KeyPurpose purpose, String kid, String actor) {
        ParticipantKeyRepository.KeyRow key = repository
                .key(participant, kid)
                .filter(k -> k.purpose() == purpose)
                .orElseThrow(() -> KeyProblem.notFound("key " + kid + " of " + participant));
        if (key.revokedAt() == null) {
            repository.revokeKey(participant, kid);
            repository.addKeyEvent(participant, kid, purpose, "REVOKED", actor, null);
            audit.append(keyEvent(AuditKind.KEY_REVOKED, participant, kid, purpose, actor));
        }
        log.info("Key {} of participant {} revoked by {}", kid, participant, actor);
    }

    private static AuditEvent keyEvent(
            AuditKind kind, String participant, String kid, KeyPurpose purpose, String actor) {
        return AuditEvent.of(kind)
                .withActor(Caller.auditActor(actor))
                .withParties(participant, null)
                .withOutcome(kind.name())
                .withDetail("participant", participant)
                .withDetail("kid", kid)
                .withDetail("purpose", purpose.name());
    }

    private KeyView keyView(String participant, String kid) {
        return keyView(repository.key(participant, kid).orElseThrow());
    }

    private KeyView keyView(ParticipantKeyRepository.KeyRow k) {
        return new KeyView(
                k.participantId(),
                k.kid(),
                json.valueToTree(parse(k.jwk())),
                k.registeredAt(),
                k.registeredBy(),
                k.approvedAt(),
                k.approvedBy(),
                k.revokedAt());
    }

    private static String thumbprint(JWK key) {
        try {
            return key.computeThumbprint().toString();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("cannot compute the thumbprint of key " + key.getKeyID(), e);
        }
    }

    private static java.util.Map<String, Object> parse(String jwk) {
        return jwk(jwk).toJSONObject();
    }

    private static JWK jwk(String jwk) {
        try {
            return JWK.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A participant's registered key, public part only. A client key is usable once {@code approvedAt}
     * is set and until {@code revokedAt} is; signing keys need no approval (their party's signer registers them).
     */
    public record KeyView(
            String participant,
            String kid,
            JsonNode jwk,
            Instant registeredAt,
            String registeredBy,
            Instant approvedAt,
            String approvedBy,
            Instant revokedAt) {}

    /** One registration, approval or revocation of a key. */
    public record KeyEvent(Instant at, String kid, KeyPurpose purpose, String type, String actor, String detail) {}
}
