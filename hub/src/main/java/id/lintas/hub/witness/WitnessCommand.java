package id.lintas.hub.witness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import id.lintas.hub.audit.Checkpoint;
import id.lintas.hub.audit.Merkle;
import id.lintas.hub.audit.SignedNote;
import id.lintas.hub.audit.Witness;
import id.lintas.hub.security.ClientAssertion;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar lintas-hub.jar audit witness --hub URL --participant ID --client-key FILE --witness-key FILE
 * --log-key VKEY --state FILE [--issuer URL]}: one round of a region's witness of the hub's audit log. It
 * obtains a token with the participant's client key ({@code private_key_jwt}), fetches the latest checkpoint,
 * checks the log's signature with the verifier key the region holds, and, when the state file holds the
 * checkpoint it saw last, a consistency proof from that one to this one; then it cosigns (C2SP
 * tlog-cosignature, Ed25519) with its WITNESS key, posts the cosignature and keeps the new checkpoint in the
 * state file. A rolled-back or forked log is refused: nothing is cosigned, the state file stays as it was, and
 * the checkpoint refused is kept beside it ({@code <state>.refused}) as evidence.
 *
 * <p>Exit status: 0 cosigned; 1 refused (not signed by the log's key, smaller than the checkpoint seen before,
 * another root at the same size, a consistency proof that fails); 2 a usage error; 3 the hub could not be
 * reached or refused a request (the token, the checkpoint, the proof or the cosignature).
 */
public final class WitnessCommand {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE_ERROR = 2;
    static final int HUB_ERROR = 3;

    private static final String USAGE = "usage: audit witness --hub URL --participant ID --client-key FILE"
            + " --witness-key FILE --log-key VKEY --state FILE [--issuer URL]\n"
            + "  --hub          the hub's base URL (https://...)\n"
            + "  --participant  the region's participant id (its client id)\n"
            + "  --client-key   the region's private client key (JWK) registered and approved at the hub\n"
            + "  --witness-key  the region's private Ed25519 WITNESS key (JWK, OKP, with d; kid = the cosigner name)\n"
            + "  --log-key      the log's verifier key as the region obtained it out of band\n"
            + "  --state        the file keeping the checkpoint this witness saw last (created at the first run)\n"
            + "  --issuer       the hub's token issuer, when it is not the hub's URL (the client assertion's audience)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The hub answered something other than what the protocol expects. */
    private static final class HubException extends Exception {
        HubException(String message) {
            super(message);
        }
    }

    private WitnessCommand() {}

    /** True when the hub's arguments ask for this command instead of the hub. */
    public static boolean isCommand(String[] args) {
        return args.length > 1 && "audit".equals(args[0]) && "witness".equals(args[1]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            if ("--help".equals(args[i]) || "-h".equals(args[i])) {
                out.println(USAGE);
                return OK;
            }
            if (!List.of("--hub", "--participant", "--client-key", "--witness-key", "--log-key", "--state", "--issuer")
                            .contains(args[i])
                    || i + 1 == args.length) {
                err.println("audit witness: unknown argument or missing value: " + args[i] + "\n" + USAGE);
                return USAGE_ERROR;
            }
            options.put(args[i], args[++i]);
        }
        List<String> missing = new ArrayList<>();
        for (String required :
                List.of("--hub", "--participant", "--client-key", "--witness-key", "--log-key", "--state")) {
            if (!options.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            err.println("audit witness: give " + String.join(", ", missing) + "\n" + USAGE);
            return USAGE_ERROR;
        }
        String hub = strip(options.get("--hub"));
        String participant = options.get("--participant");
        Path state = Path.of(options.get("--state"));
        SignedNote.VerifierKey logKey;
        JWK clientKey;
        Witness witness;
        try {
            logKey = SignedNote.VerifierKey.parse(options.get("--log-key"));
            if (logKey.type() != SignedNote.ED25519) {
                throw new IllegalArgumentException("--log-key: the log's verifier key is a note key (type 0x01)");
            }
            clientKey = JWK.parse(Files.readString(Path.of(options.get("--client-key")), StandardCharsets.UTF_8));
            Checkpoint seen = seen(state, logKey);
            witness = witness(Path.of(options.get("--witness-key")), logKey, seen);
        } catch (IOException | ParseException | IllegalArgumentException e) {
            err.println("audit witness: " + e.getMessage());
            return USAGE_ERROR;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            String token = token(http, hub, strip(options.getOrDefault("--issuer", hub)), participant, clientKey);
            String note = get(http, hub + "/api/v1/audit/checkpoint", token);
            Checkpoint served;
            try {
                served = Checkpoint.parse(SignedNote.parse(note).text());
            } catch (IllegalArgumentException e) {
                return refuse(out, state, note, "the hub's answer is not a checkpoint: " + e.getMessage());
            }
            Checkpoint seen = witness.latest().orElse(null);
            List<byte[]> proof = List.of();
            if (seen != null && served.size() > seen.size()) {
                proof = hashes(get(
                        http,
                        hub + "/api/v1/audit/proof/consistency?from=" + seen.size() + "&to=" + served.size(),
                        token));
            }
            String cosigned;
            try {
                cosigned = witness.cosign(note, proof, Instant.now().getEpochSecond());
            } catch (Merkle.ProofException e) {
                return refuse(
                        out,
                        state,
                        note,
                        (seen != null && served.size() < seen.size() ? "the log was rolled back: " : "")
                                + e.getMessage());
            }
            post(http, hub + "/api/v1/audit/checkpoint/cosignatures", token, cosigned);
            Path fresh = state.resolveSibling(state.getFileName() + ".tmp");
            Files.writeString(fresh, note, StandardCharsets.UTF_8);
            Files.move(fresh, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("OK: cosigned the checkpoint of tree size " + served.size() + " as "
                    + witness.verifierKey().name()
                    + (seen == null
                            ? " (the first this witness saw)"
                            : ", consistent with the one of tree size " + seen.size() + " seen before"));
            out.println("cosigner key: " + witness.verifierKey());
            return OK;
        } catch (HubException | IOException e) {
            err.println("audit witness: " + e.getMessage());
            return HUB_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("audit witness: interrupted");
            return HUB_ERROR;
        }
    }

    private static int refuse(PrintStream out, Path state, String note, String why) {
        Path evidence = state.resolveSibling(state.getFileName() + ".refused");
        try {
            Files.writeString(evidence, note, StandardCharsets.UTF_8);
        } catch (IOException e) {
            evidence = null;
        }
        out.println("REFUSED: " + why + ". Nothing was cosigned; the checkpoint seen before stays in " + state
                + (evidence == null ? "" : " and the one refused is kept in " + evidence));
        return REFUSED;
    }

    /** The checkpoint kept in the state file, which must be signed by the log's key; null before the first run. */
    private static Checkpoint seen(Path state, SignedNote.VerifierKey logKey) throws IOException {
        if (!Files.exists(state)) {
            return null;
        }
        SignedNote note = SignedNote.parse(Files.readString(state, StandardCharsets.UTF_8));
        if (!logKey.verifies(note)) {
            throw new IllegalArgumentException(
                    "--state: " + state + " does not hold a checkpoint signed by " + logKey.name());
        }
        return Checkpoint.parse(note.text());
    }

    /** The witness of an Ed25519 private JWK (RFC 8037) whose kid is the cosigner name. */
    private static Witness witness(Path file, SignedNote.VerifierKey logKey, Checkpoint seen) throws IOException {
        JsonNode jwk = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        if (!"OKP".equals(jwk.path("kty").asText())
                || !"Ed25519".equals(jwk.path("crv").asText())) {
            throw new IllegalArgumentException("--witness-key: an Ed25519 JWK (kty OKP, crv Ed25519)");
        }
        if (!jwk.hasNonNull("d") || !jwk.hasNonNull("kid")) {
            throw new IllegalArgumentException(
                    "--witness-key: the private key (d) and its kid (the cosigner name) are needed");
        }
        byte[] seed = Base64.getUrlDecoder().decode(jwk.path("d").asText());
        if (seed.length != 32) {
            throw new IllegalArgumentException("--witness-key: d is not a 32-byte Ed25519 private key");
        }
        Witness witness = new Witness(jwk.path("kid").asText(), seed, logKey, seen);
        if (jwk.hasNonNull("x")
                && !java.util.Arrays.equals(
                        Base64.getUrlDecoder().decode(jwk.path("x").asText()),
                        witness.verifierKey().publicKey())) {
            throw new IllegalArgumentException("--witness-key: x is not the public key of d");
        }
        return witness;
    }

    private static String token(HttpClient http, String hub, String issuer, String participant, JWK key)
            throws IOException, InterruptedException, HubException {
        String assertion = ClientAssertion.create(participant, key, issuer + "/oauth2/token", Duration.ofMinutes(1));
        String form = "grant_type=client_credentials&client_id="
                + URLEncoder.encode(participant, StandardCharsets.UTF_8)
                + "&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(hub + "/oauth2/token"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new HubException("the token endpoint answered " + answer.statusCode() + ": " + answer.body());
        }
        String token = JSON.readTree(answer.body()).path("access_token").asText();
        if (token.isEmpty()) {
            throw new HubException("the token endpoint's answer has no access_token");
        }
        return token;
    }

    private static String get(HttpClient http, String url, String token)
            throws IOException, InterruptedException, HubException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 200) {
            throw new HubException("GET " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static void post(HttpClient http, String url, String token, String cosigned)
            throws IOException, InterruptedException, HubException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/plain;charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(cosigned, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 201) {
            throw new HubException("the hub refused the cosignature (" + answer.statusCode() + "): " + answer.body());
        }
    }

    private static List<byte[]> hashes(String json) throws IOException, HubException {
        JsonNode array = JSON.readTree(json);
        if (!array.isArray()) {
            throw new HubException("the consistency proof is not a JSON array of base64 hashes");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : array) {
            try {
                hashes.add(Base64.getDecoder().decode(hash.asText()));
            } catch (IllegalArgumentException e) {
                throw new HubException("the consistency proof holds a hash that is not base64");
            }
        }
        return hashes;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
