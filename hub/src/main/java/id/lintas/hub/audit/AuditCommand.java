package id.lintas.hub.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

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
            AuditService.Export read = withoutEntries(export);
            List<String> earlier = new ArrayList<>();
            for (Path file : seen) {
                earlier.add(Files.readString(file, StandardCharsets.UTF_8));
            }
            try (FileEntries entries = new FileEntries(export)) {
                return verify(read, entries, key, earlier, witnesses, out);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("audit verify: " + export + " is not a readable export: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("audit verify: " + e.getMessage());
            return 2;
        }
    }

    static int verify(
            AuditService.Export export, String vkey, List<String> seen, List<String> witnessKeys, PrintStream out) {
        return verify(export, export.entries().iterator(), vkey, seen, witnessKeys, out);
    }

    /**
     * @param export the export's members but its entries (which are not read from it)
     * @param entries the export's entries, read once, in order: only the tree's right edge is kept
     */
    static int verify(
            AuditService.Export export,
            Iterator<AuditService.EntryView> entries,
            String vkey,
            List<String> seen,
            List<String> witnessKeys,
            PrintStream out) {
        if (!AuditService.EXPORT_FORMAT.equals(export.format())) {
            out.println("FAILED: not an export of format " + AuditService.EXPORT_FORMAT);
            return 1;
        }
        SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(vkey != null ? vkey : export.verifierKey());
        if (vkey == null) {
            out.println("note: using the export's own verifier key " + key + " (give --key to check whose log it is)");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        long[] read = {0};
        Iterator<LogVerifier.Entry> decoded = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public LogVerifier.Entry next() {
                AuditService.EntryView e = entries.next();
                read[0]++;
                return new LogVerifier.Entry(
                        e.index(), b64.decode(e.entry()), e.leafHash() == null ? null : b64.decode(e.leafHash()));
            }
        };
        Map<Long, Checkpoint> signed = signedBySize(export.checkpoints(), key);
        String failure;
        boolean partial = export.scope() != null
                ? !AuditService.WHOLE_LOG.equals(export.scope())
                : export.inclusion() != null && !export.inclusion().isEmpty();
        if (partial) {
            failure = partial(
                    decoded,
                    export.checkpoints(),
                    signed,
                    export.inclusion() == null ? List.of() : export.inclusion(),
                    key);
            if (failure == null) {
                out.println("entries: " + read[0] + " of a " + export.scope()
                        + " export, each included in the signed checkpoint");
            }
        } else {
            LogVerifier.Result result = LogVerifier.verify(
                    decoded,
                    export.checkpoints().stream()
                            .map(note -> new LogVerifier.StoredCheckpoint(-1, note))
                            .iterator(),
                    key,
                    seen);
            failure = result.ok() ? consistency(export, signed) : describe(result);
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

    /** The checkpoints signed by the key, by tree size (the first of a size). */
    private static Map<Long, Checkpoint> signedBySize(List<String> notes, SignedNote.VerifierKey key) {
        Map<Long, Checkpoint> bySize = new HashMap<>();
        for (String note : notes) {
            LogVerifier.Signed.of(note, key)
                    .ifPresent(s -> bySize.putIfAbsent(s.checkpoint().size(), s.checkpoint()));
        }
        return bySize;
    }

    /** The proofs the hub gave between consecutive checkpoints verify against their signed roots. */
    private static String consistency(AuditService.Export export, Map<Long, Checkpoint> signed) {
        for (AuditService.ConsistencyView proof : export.consistency()) {
            Checkpoint from = signed.get(proof.from());
            Checkpoint to = signed.get(proof.to());
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

    /**
     * A referral's or a party's export: every checkpoint is signed, the entries come in log order, each once,
     * and each is canonical with an inclusion proof that leads to the signed checkpoint.
     */
    private static String partial(
            Iterator<LogVerifier.Entry> entries,
            List<String> checkpoints,
            Map<Long, Checkpoint> signed,
            List<AuditService.InclusionView> proofs,
            SignedNote.VerifierKey key) {
        for (int i = 0; i < checkpoints.size(); i++) {
            if (LogVerifier.Signed.of(checkpoints.get(i), key).isEmpty()) {
                return "checkpoint " + (i + 1) + " of " + checkpoints.size() + " is not signed by the log's key "
                        + key.name() + ": it was replaced or changed";
            }
        }
        int i = 0;
        long previous = -1;
        for (; entries.hasNext(); i++) {
            LogVerifier.Entry entry = entries.next();
            if (i >= proofs.size()) {
                return "the export has more entries than its " + proofs.size() + " inclusion proofs";
            }
            AuditService.InclusionView proof = proofs.get(i);
            if (entry.index() <= previous) {
                return "first bad entry " + entry.index() + ": it comes after entry " + previous
                        + " (an export's entries are in log order, each once)";
            }
            previous = entry.index();
            Checkpoint checkpoint = signed.get(proof.size());
            if (checkpoint == null) {
                return "entry " + entry.index() + ": no checkpoint of tree size " + proof.size() + " signed by "
                        + key.name();
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
        if (i != proofs.size()) {
            return "the export has " + i + " entries but " + proofs.size() + " inclusion proofs";
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

    /** The export's members but its entries, which are skipped (a first pass over the file). */
    private static AuditService.Export withoutEntries(Path file) throws IOException {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("an export is a JSON object");
            }
            ObjectNode members = JSON.createObjectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("entries".equals(name)) {
                    parser.skipChildren();
                } else {
                    members.set(name, JSON.readTree(parser));
                }
            }
            return JSON.treeToValue(members, AuditService.Export.class);
        }
    }

    /** The export's entries, parsed one at a time from the file (a second pass): the log is never held whole. */
    private static final class FileEntries implements Iterator<AuditService.EntryView>, Closeable {
        private final JsonParser parser;
        private boolean inArray;
        private AuditService.EntryView next;

        FileEntries(Path file) throws IOException {
            parser = JSON.createParser(file.toFile());
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("an export is a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("entries".equals(name)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new IOException("the export's entries are not an array");
                    }
                    inArray = true;
                    return;
                }
                parser.skipChildren();
            }
        }

        @Override
        public boolean hasNext() {
            if (next == null && inArray) {
                try {
                    if (parser.nextToken() == JsonToken.START_OBJECT) {
                        next = JSON.readValue(parser, AuditService.EntryView.class);
                    } else {
                        inArray = false;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return next != null;
        }

        @Override
        public AuditService.EntryView next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            AuditService.EntryView entry = next;
            next = null;
            return entry;
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    private static List<byte[]> decode(List<String> hashes) {
        return hashes.stream().map(Base64.getDecoder()::decode).toList();
    }
}
