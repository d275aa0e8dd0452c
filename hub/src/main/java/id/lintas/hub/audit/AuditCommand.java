package id.lintas.hub.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code java -jar lintas-hub.jar audit verify --export FILE|DIR [--key VKEY] [--seen CHECKPOINT_FILE ...]
 * [--witness VKEY ...]}: checks an export of the audit log ({@code GET /api/v1/audit/export}) without the
 * hub, its database or its configuration (a directory holds the export as {@code export.json}): every entry, the tree, every checkpoint's signature, the
 * consistency proofs between checkpoints (or, in a referral's export, the entries' inclusion proofs),
 * checkpoints seen earlier, and witnesses' cosignatures. Prints what it checked, or the first entry (or
 * checkpoint) that fails. Exit status 0 when everything verifies, 1 when something fails, 2 on a usage error.
 */
public final class AuditCommand {

    private static final String USAGE =
            "usage: audit verify --export FILE|DIR [--key VKEY] [--seen CHECKPOINT_FILE ...] [--witness VKEY ...]\n"
                    + "  --export   the answer of GET /api/v1/audit/export, or a directory holding it as export.json\n"
                    + "  --key      the log's verifier key as you obtained it (GET /api/v1/audit/verifier-key, out of band);\n"
                    + "             without it the export's own key is used, which proves consistency but not whose log it is\n"
                    + "  --seen     a checkpoint (signed note) you saw before: the log must still extend it\n"
                    + "  --witness  a witness's cosigner key (vkey, type 0x04): its cosignatures in the export must verify";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AuditCommand() {}

    /** True when the hub's arguments ask for this command instead of the hub. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && "audit".equals(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !"verify".equals(args[1])) {
            err.println(USAGE);
            return 2;
        }
        Path export = null;
        String key = null;
        List<Path> seen = new ArrayList<>();
        List<String> witnesses = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--export" -> export = value == null ? null : Path.of(value);
                case "--key" -> key = value;
                case "--seen" -> {
                    if (value != null) {
                        seen.add(Path.of(value));
                    }
                }
                case "--witness" -> {
                    if (value != null) {
                        witnesses.add(value);
                    }
                }
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("audit verify: unknown argument " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
            i++;
        }
        if (export == null) {
            err.println("audit verify: give --export FILE\n" + USAGE);
            return 2;
        }
        if (Files.isDirectory(export)) {
            export = export.resolve("export.json");
        }
        try {
            AuditService.Export read = JSON.readValue(export.toFile(), AuditService.Export.class);
            List<String> earlier = new ArrayList<>();
            for (Path file : seen) {
                earlier.add(Files.readString(file, StandardCharsets.UTF_8));
            }
            return verify(read, key, earlier, witnesses, out);
        } catch (IOException e) {
            err.println("audit verify: " + export + " is not a readable export: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("audit verify: " + e.getMessage());
            return 2;
        }
    }

    static int verify(
            AuditService.Export export, String vkey, List<String> seen, List<String> witnessKeys, PrintStream out) {
        if (!AuditService.EXPORT_FORMAT.equals(export.format())) {
            out.println("FAILED: not an export of format " + AuditService.EXPORT_FORMAT);
            return 1;
        }
        SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(vkey != null ? vkey : export.verifierKey());
        if (vkey == null) {
            out.println("note: using the export's own verifier key " + key + " (give --key to check whose log it is)");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        List<LogVerifier.Entry> entries = export.entries().stream()
                .map(e -> new LogVerifier.Entry(
                        e.index(), b64.decode(e.entry()), e.leafHash() == null ? null : b64.decode(e.leafHash())))
                .toList();
        List<LogVerifier.StoredCheckpoint> checkpoints = export.checkpoints().stream()
                .map(note -> new LogVerifier.StoredCheckpoint(-1, note))
                .toList();
        String failure;
        boolean partial = export.scope() != null
                ? !AuditService.WHOLE_LOG.equals(export.scope())
                : export.inclusion() != null && !export.inclusion().isEmpty();
        if (partial) {
            failure = partial(entries, checkpoints, export.inclusion() == null ? List.of() : export.inclusion(), key);
            if (failure == null) {
                out.println("entries: " + entries.size() + " of a " + export.scope()
                        + " export, each included in the signed checkpoint");
            }
        } else {
            LogVerifier.Result result = LogVerifier.verify(entries, checkpoints, key, seen);
            failure = result.ok() ? consistency(export, key) : describe(result);
            if (failure == null) {
                out.println("entries: " + result.size() + ", checkpoints: " + result.checkpoints()
                        + " verified, consistency proofs: "
                        + export.consistency().size() + " verified, checkpoints seen earlier: " + seen.size()
                        + " extended");
            }
        }
        if (failure == null) {
            failure = cosignatures(export.checkpoints(), witnessKeys, out);
        }
        if (failure != null) {
            out.println("FAILED: " + failure);
            return 1;
        }
        out.println("OK: the export verifies against " + key);
        return 0;
    }

    private static String describe(LogVerifier.Result result) {
        return (result.firstBadEntry() == null ? "" : "first bad entry " + result.firstBadEntry() + ": ")
                + result.problem();
    }

    /** The proofs the hub gave between consecutive checkpoints verify against their signed roots. */
    private static String consistency(AuditService.Export export, SignedNote.VerifierKey key) {
        for (AuditService.ConsistencyView proof : export.consistency()) {
            Checkpoint from = signedOfSize(export.checkpoints(), proof.from(), key);
            Checkpoint to = signedOfSize(export.checkpoints(), proof.to(), key);
            if (from == null || to == null) {
                return "the consistency proof from " + proof.from() + " to " + proof.to()
                        + " names a checkpoint the export lacks";
            }
            try {
                Merkle.verifyConsistency(from.size(), to.size(), from.root(), to.root(), decode(proof.proof()));
            } catch (Merkle.ProofException e) {
                return "the consistency proof from tree size " + proof.from() + " to " + proof.to() + ": "
                        + e.getMessage();
            }
        }
        return null;
    }

    /** A referral's export: each entry is canonical and its inclusion proof leads to the signed checkpoint. */
    private static String partial(
            List<LogVerifier.Entry> entries,
            List<LogVerifier.StoredCheckpoint> checkpoints,
            List<AuditService.InclusionView> proofs,
            SignedNote.VerifierKey key) {
        for (int i = 0; i < checkpoints.size(); i++) {
            if (LogVerifier.Signed.of(checkpoints.get(i).note(), key).isEmpty()) {
                return "checkpoint " + (i + 1) + " of " + checkpoints.size() + " is not signed by the log's key "
                        + key.name() + ": it was replaced or changed";
            }
        }
        if (entries.size() != proofs.size()) {
            return "the export has " + entries.size() + " entries but " + proofs.size() + " inclusion proofs";
        }
        for (int i = 0; i < entries.size(); i++) {
            LogVerifier.Entry entry = entries.get(i);
            AuditService.InclusionView proof = proofs.get(i);
            Checkpoint checkpoint = checkpoints.stream()
                    .map(c -> LogVerifier.Signed.of(c.note(), key))
                    .flatMap(java.util.Optional::stream)
                    .map(LogVerifier.Signed::checkpoint)
                    .filter(c -> c.size() == proof.size())
                    .findFirst()
                    .orElse(null);
            if (checkpoint == null) {
                return "entry " + entry.index() + ": no checkpoint of tree size " + proof.size() + " signed by "
                        + key.name();
            }
            if (i > 0 && entry.index() <= entries.get(i - 1).index()) {
                return "first bad entry " + entry.index() + ": it comes after entry "
                        + entries.get(i - 1).index() + " (an export's entries are in log order, each once)";
            }
            try {
                EntryEncoding.decode(entry.bytes());
                if (proof.index() != entry.index()) {
                    return "first bad entry " + entry.index() + ": its inclusion proof is for entry " + proof.index();
                }
                Merkle.verifyInclusion(
                        entry.index(),
                        proof.size(),
                        Merkle.leafHash(entry.bytes()),
                        decode(proof.proof()),
                        checkpoint.root());
            } catch (IllegalArgumentException | Merkle.ProofException e) {
                return "first bad entry " + entry.index() + ": " + e.getMessage();
            }
        }
        return null;
    }

    private static String cosignatures(List<String> checkpoints, List<String> witnessKeys, PrintStream out) {
        for (String vkey : witnessKeys) {
            SignedNote.VerifierKey witness = SignedNote.VerifierKey.parse(vkey);
            int verified = 0;
            for (String text : checkpoints) {
                SignedNote note = SignedNote.parse(text);
                for (SignedNote.Signature signature : note.signatures()) {
                    if (witness.names(signature)) {
                        if (!Checkpoint.cosignedBy(witness, note.text(), signature)) {
                            return "the cosignature of " + witness.name() + " on the checkpoint of tree size "
                                    + Checkpoint.parse(note.text()).size() + " does not verify";
                        }
                        verified++;
                    }
                }
            }
            out.println("witness " + witness.name() + ": " + verified + " cosignatures verified");
        }
        return null;
    }

    private static Checkpoint signedOfSize(List<String> notes, long size, SignedNote.VerifierKey key) {
        return notes.stream()
                .map(n -> LogVerifier.Signed.of(n, key))
                .flatMap(java.util.Optional::stream)
                .map(LogVerifier.Signed::checkpoint)
                .filter(c -> c.size() == size)
                .findFirst()
                .orElse(null);
    }

    private static List<byte[]> decode(List<String> hashes) {
        return hashes.stream().map(Base64.getDecoder()::decode).toList();
    }
}
