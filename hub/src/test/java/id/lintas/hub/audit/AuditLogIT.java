package id.lintas.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lintas.hub.HubIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in the running hub, on its real PostgreSQL: appends in the caller's transaction, gap-free
 * indexes, signed checkpoints, the HTTP API, witnesses' cosignatures, and the done-when of issue 16:
 * rows of the log and its checkpoints changed directly in the database (as its owner, past the trigger)
 * fail both the online and the offline verification, naming the first bad entry. Each tampering happens
 * in a transaction that is rolled back afterwards, so the shared log stays whole for the other tests.
 */
class AuditLogIT extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    AuditLog audit;

    @Autowired
    AuditSequencer sequencer;

    @Autowired
    AuditService service;

    @Autowired
    TransactionTemplate transactions;

    /** Entries this class appended one checkpoint at a time, so each checkpoint covers one new entry. */
    private static final List<Long> MINE = new ArrayList<>();
    /** The tree size of the checkpoint signed right after each of them. */
    private static final List<Long> SIZES = new ArrayList<>();

    @BeforeEach
    void eightEntriesEachUnderItsOwnCheckpoint() {
        while (MINE.size() < 8) {
            long ticket = transactions.execute(status -> audit.append(event(MINE.size())));
            SIZES.add(sequencer.seal());
            MINE.add(audit.indexOf(ticket).orElseThrow());
        }
    }

    private AuditEvent event(int n) {
        return AuditEvent.of(AuditKind.INTAKE_RECEIVED)
                .withActor("kukar", "kukar", "PARTICIPANT")
                .withReferral(UUID.randomUUID())
                .withParties("kukar", "ppu")
                .withAgreement("pks-kukar-ppu-2024", 1)
                .withOutcome("ACCEPTED")
                .withDetail("n", n)
                .withCommitment(audit.commitment(("synthetic payload " + n).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEntryIsWrittenOnlyInsideTheCallersTransactionAndCommitsWithIt() {
        assertThatThrownBy(() -> audit.append(event(100))).isInstanceOf(IllegalTransactionStateException.class);

        UUID rolledBack = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            audit.append(event(101).withReferral(rolledBack));
            assertThat(audit.ofReferral(rolledBack)).hasSize(1);
            status.setRollbackOnly(); // the change it records did not happen: neither does the entry
        });
        sequencer.seal();
        assertThat(audit.ofReferral(rolledBack)).isEmpty();

        UUID referral = UUID.randomUUID();
        long ticket = transactions.execute(status -> audit.append(event(102).withReferral(referral)));
        assertThat(audit.ofReferral(referral))
                .singleElement()
                .satisfies(l -> assertThat(l.ticket()).isEqualTo(ticket));
        long size = sequencer.seal();
        long index = audit.indexOf(ticket).orElseThrow();
        assertThat(index).isLessThan(size);
        assertThat(audit.ofReferral(referral)).singleElement().satisfies(l -> {
            assertThat(l.index()).hasValue(index);
            assertThat(l.event().outcome()).isEqualTo("ACCEPTED");
            assertThat(l.event().referralId()).isEqualTo(referral);
        });
        assertThat(Checkpoint.parse(SignedNote.parse(service.checkpoint(null)).text())
                        .size())
                .isGreaterThanOrEqualTo(size);
        assertThat(service.verify(List.of()).ok()).isTrue();
    }

    @Test
    void entriesWrittenTogetherKeepTheirOrderAndCommitWithTheChange() {
        assertThatThrownBy(() -> audit.appendAll(List.of(event(110))))
                .isInstanceOf(IllegalTransactionStateException.class);
        UUID referral = UUID.randomUUID();
        transactions.executeWithoutResult(status -> audit.appendAll(List.of(
                event(111).withReferral(referral),
                event(112).withReferral(null),
                event(113).withReferral(referral))));
        sequencer.seal();

        List<AuditLog.Logged> trail = audit.ofReferral(referral);
        assertThat(trail)
                .extracting(l -> String.valueOf(l.event().details().get("n")))
                .containsExactly("111", "113");
        assertThat(trail.get(0).index().orElseThrow())
                .isLessThan(trail.get(1).index().orElseThrow());
        assertThat(service.verify(List.of()).ok()).isTrue();
    }

    @Test
    void concurrentTransactionsGetGapFreeIndexesInTheOrderTheyCommitted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Long>> appends = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                appends.add(() -> transactions.execute(status -> audit.append(event(200 + n))));
            }
            List<Long> tickets = new ArrayList<>();
            for (Future<Long> ticket : pool.invokeAll(appends)) {
                tickets.add(ticket.get());
            }
            long size = sequencer.seal();
            List<Long> indexes = tickets.stream()
                    .map(t -> audit.indexOf(t).orElseThrow())
                    .sorted()
                    .toList();
            assertThat(indexes).doesNotHaveDuplicates().allMatch(i -> i < size);
            assertThat(jdbc.sql("select count(*) from audit_entry")
                            .query(Long.class)
                            .single())
                    .isEqualTo(size);
            assertThat(jdbc.sql("select max(idx) from audit_entry")
                            .query(Long.class)
                            .single())
                    .isEqualTo(size - 1);
            assertThat(service.verify(List.of()).ok()).isTrue();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set outcome = 'X' where idx = ?")
                        .param(MINE.get(0))
                        .update())
                .rootCause()
                .hasMessageContaining("append-only: UPDATE on audit_entry refused");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_checkpoint where tree_size = ?")
                        .param(SIZES.get(0))
                        .update())
                .rootCause()
                .hasMessageContaining("append-only: DELETE on audit_checkpoint refused");
    }

    @Test
    void checkpointsVerifierKeyEntriesAndProofsOverHttpVerifyWithoutTrustingTheHub() throws Exception {
        String vkey = get("/api/v1/audit/verifier-key", auditor()).getBody().strip();
        SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(vkey);
        ResponseEntity<String> latest = get("/api/v1/audit/checkpoint", credentials.bearer("ppu"));
        assertThat(latest.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN))
                .isTrue();
        SignedNote note = SignedNote.parse(latest.getBody());
        assertThat(key.verifies(note)).isTrue();
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        assertThat(checkpoint.origin()).isEqualTo(key.name());

        long index = MINE.get(3);
        JsonNode entries = JSON.readTree(get("/api/v1/audit/entries?start=" + index + "&end=" + (index + 1), auditor())
                .getBody());
        byte[] entry = Base64.getDecoder().decode(entries.get(0).path("entry").asText());
        assertThat(entries.get(0).path("index").asLong()).isEqualTo(index);
        assertThat(EntryEncoding.decode(entry).details()).containsEntry("n", 3L);
        assertThat(new String(entry, StandardCharsets.UTF_8)).doesNotContain("synthetic payload");

        List<byte[]> inclusion =
                hashes(get("/api/v1/audit/proof/inclusion?index=" + index + "&size=" + checkpoint.size(), auditor()));
        Merkle.verifyInclusion(index, checkpoint.size(), Merkle.leafHash(entry), inclusion, checkpoint.root());

        Checkpoint earlier =
                Checkpoint.parse(SignedNote.parse(get("/api/v1/audit/checkpoint?size=" + SIZES.get(2), auditor())
                                .getBody())
                        .text());
        List<byte[]> consistency = hashes(get(
                "/api/v1/audit/proof/consistency?from=" + earlier.size() + "&to=" + checkpoint.size(),
                credentials.bearer("kukar")));
        Merkle.verifyConsistency(earlier.size(), checkpoint.size(), earlier.root(), checkpoint.root(), consistency);
    }

    @Test
    void badRequestsAreProblemsNamingTheFieldAndEntriesAreForAuditorsOnly() throws Exception {
        ResponseEntity<String> backwards = get("/api/v1/audit/proof/consistency?from=5&to=2", auditor());
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(backwards.getBody())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("from");
        ResponseEntity<String> tooMany = get("/api/v1/audit/entries?start=0&end=5000", auditor());
        assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(tooMany.getBody())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("end");
        assertThat(get("/api/v1/audit/entries?start=0&end=1", credentials.bearer("kukar"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(get(
                                "/api/v1/audit/proof/inclusion?index=" + MINE.get(0) + "&size=" + (MINE.get(0) + 1),
                                credentials.bearer("jakarta"))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(get(
                                "/api/v1/audit/proof/inclusion?index=" + MINE.get(0) + "&size=" + (MINE.get(0) + 1),
                                credentials.bearer("kukar"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void theOfflineVerifierChecksAnExportWithoutTheHub(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path export = dir.resolve("export.json");
        Files.writeString(export, get("/api/v1/audit/export", auditor()).getBody());
        String vkey = get("/api/v1/audit/verifier-key", auditor()).getBody().strip();
        Path seen = dir.resolve("seen.txt");
        Files.writeString(
                seen,
                get("/api/v1/audit/checkpoint?size=" + SIZES.get(4), auditor()).getBody());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = AuditCommand.run(
                new String[] {"audit", "verify", "--export", export.toString(), "--key", vkey, "--seen", seen.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK: the export verifies");
        assertThat(status).isZero();

        // The same from the hub's jar, as an auditor runs it: whole, then with two entries swapped in the file.
        assertThat(runJar(out, "audit", "verify", "--export", dir.toString(), "--key", vkey))
                .as(out.toString(StandardCharsets.UTF_8))
                .isZero(); // the directory holds export.json
        JsonNode whole = JSON.readTree(Files.readString(export));
        String third =
                whole.path("entries").get(MINE.get(2).intValue()).path("entry").asText();
        String fourth =
                whole.path("entries").get(MINE.get(3).intValue()).path("entry").asText();
        Path swapped = dir.resolve("swapped.json");
        Files.writeString(
                swapped,
                Files.readString(export)
                        .replace(third, "THIRD")
                        .replace(fourth, third)
                        .replace("THIRD", fourth));
        assertThat(runJar(out, "audit", "verify", "--export", swapped.toString(), "--key", vkey))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED: first bad entry " + MINE.get(2) + ":");

        UUID referral = EntryEncoding.decode(Base64.getDecoder()
                        .decode(JSON.readTree(get(
                                                "/api/v1/audit/entries?start=" + MINE.get(5) + "&end="
                                                        + (MINE.get(5) + 1),
                                                auditor())
                                        .getBody())
                                .get(0)
                                .path("entry")
                                .asText()))
                .referralId();
        Path one = dir.resolve("referral.json");
        Files.writeString(
                one, get("/api/v1/audit/export?referral=" + referral, auditor()).getBody());
        out.reset();
        assertThat(AuditCommand.run(
                        new String[] {"audit", "verify", "--export", one.toString(), "--key", vkey},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err))
                .as(out.toString(StandardCharsets.UTF_8))
                .isZero();
        Files.writeString(
                one,
                Files.readString(one)
                        .replace(
                                JSON.readTree(Files.readString(one))
                                        .path("entries")
                                        .get(0)
                                        .path("entry")
                                        .asText(),
                                Base64.getEncoder()
                                        .encodeToString(EntryEncoding.encode(event(5).withReferral(referral)))));
        out.reset();
        assertThat(AuditCommand.run(
                        new String[] {"audit", "verify", "--export", one.toString(), "--key", vkey},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("first bad entry " + MINE.get(5));
    }

    @Test
    void anAuditorOfOnePartySeesOnlyItsHandoffsEntriesEachProvenAgainstTheCheckpoint(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        UUID ours = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            audit.append(event(600).withReferral(ours));
            audit.append(handoff(ours, "kukar", "ppu"));
            audit.append(event(601).withReferral(theirs).withParties("prabumulih", null));
            audit.append(handoff(theirs, "prabumulih", "jakarta"));
        });
        sequencer.seal();
        String ppu = credentials.basic("auditor-ppu");

        // A range of the whole log holds other pairs' entries: refused, saying where to go instead.
        ResponseEntity<String> range = get("/api/v1/audit/entries?start=0&end=1", ppu);
        assertThat(range.getStatusCode().value()).isEqualTo(403);
        JsonNode problem = JSON.readTree(range.getBody());
        assertThat(problem.path("type").asText()).endsWith("audit-out-of-scope");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("start");
        assertThat(problem.path("errors").get(0).path("reason").asText()).contains("/api/v1/audit/export");
        assertThat(get("/api/v1/audit/entries?start=0&end=1", auditor())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        // Its export: its handoffs' entries only, each with an inclusion proof; the national one has both pairs.
        String scoped = get("/api/v1/audit/export", ppu).getBody();
        JsonNode export = JSON.readTree(scoped);
        assertThat(export.path("scope").asText()).isEqualTo("party");
        List<UUID> referrals = new ArrayList<>();
        export.path("entries").forEach(e -> {
            AuditEvent event = EntryEncoding.decode(
                    Base64.getDecoder().decode(e.path("entry").asText()));
            if (event.referralId() == null) {
                assertThat(List.of(String.valueOf(event.sender()), String.valueOf(event.receiver())))
                        .as("an entry of no referral names ppu")
                        .contains("ppu");
            } else if (ours.equals(event.referralId())) {
                // Other tests' referrals share this log; whether ppu sent those is the hub's to know, so the
                // handoff rule is checked on this test's own referral, sent by kukar to ppu.
                assertThat(event.receiver() == null || "ppu".equals(event.receiver()))
                        .as("of a referral kukar sent, ppu's own handoff and what concerns every receiver")
                        .isTrue();
            }
            referrals.add(event.referralId());
        });
        assertThat(referrals).contains(ours).doesNotContain(theirs);
        assertThat(export.path("inclusion").size())
                .isEqualTo(export.path("entries").size());
        assertThat(referralsOf(
                        JSON.readTree(get("/api/v1/audit/export", auditor()).getBody())))
                .contains(ours, theirs);
        assertThat(get("/api/v1/audit/export?referral=" + theirs, ppu)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(referralsOf(JSON.readTree(
                        get("/api/v1/audit/export?referral=" + ours, ppu).getBody())))
                .containsOnly(ours);

        // The online verification names no entry: a party auditor may ask whether the whole log verifies.
        ResponseEntity<String> verification = get("/api/v1/audit/verification", ppu);
        assertThat(verification.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(verification.getBody()).path("ok").asBoolean()).isTrue();

        // The scoped export verifies offline; one of its entries changed does not, and is named.
        String vkey = get("/api/v1/audit/verifier-key", ppu).getBody().strip();
        Path file = dir.resolve("ppu.json");
        Files.writeString(file, scoped);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AuditCommand.run(
                        new String[] {"audit", "verify", "--export", file.toString(), "--key", vkey},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err))
                .as(out.toString(StandardCharsets.UTF_8))
                .isZero();
        JsonNode last = export.path("entries").get(export.path("entries").size() - 1);
        AuditEvent changed = EntryEncoding.decode(
                        Base64.getDecoder().decode(last.path("entry").asText()))
                .withOutcome("REFUSED");
        Files.writeString(
                file,
                scoped.replace(
                        last.path("entry").asText(),
                        Base64.getEncoder().encodeToString(EntryEncoding.encode(changed))));
        out.reset();
        assertThat(AuditCommand.run(
                        new String[] {"audit", "verify", "--export", file.toString(), "--key", vkey},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("first bad entry " + last.path("index").asLong());
    }

    private AuditEvent handoff(UUID referral, String sender, String receiver) {
        return AuditEvent.of(AuditKind.ROUTING_DECIDED)
                .withActor("hub", null, "SYSTEM")
                .withReferral(referral)
                .withParties(sender, receiver)
                .withAgreement("pks-" + sender + "-" + receiver, 1)
                .withOutcome("ROUTED");
    }

    private static List<UUID> referralsOf(JsonNode export) {
        List<UUID> referrals = new ArrayList<>();
        export.path("entries")
                .forEach(e -> referrals.add(EntryEncoding.decode(
                                Base64.getDecoder().decode(e.path("entry").asText()))
                        .referralId()));
        return referrals;
    }

    // --- Tampering directly in the database (done-when of issue 16) ---

    @Test
    void theOnlineVerificationReadsTheLogAPageAtATimeAndStillNamesABadEntryOnALaterPage() {
        int page = 3;
        long size = service.size();
        assertThat(size).as("a log of several pages").isGreaterThan(3L * page);
        LogVerifier.Result whole = service.verify(List.of(service.checkpoint(SIZES.get(5))), page);
        assertThat(whole.ok()).as(whole.problem()).isTrue();
        assertThat(whole.size()).isGreaterThanOrEqualTo(size);
        assertThat(whole.checkpoints()).as("checkpoints are paged too").isGreaterThan(page);

        long k = MINE.get(7);
        assertThat(k).as("past the first page").isGreaterThanOrEqualTo(page);
        LogVerifier.Result tampered = transactions.execute(status -> {
            asOwnerPastTheTrigger();
            jdbc.sql("update audit_entry set entry = ? where idx = ?")
                    .params(
                            EntryEncoding.encode(
                                    EntryEncoding.decode(entryBytes(k)).withOutcome("REFUSED")),
                            k)
                    .update();
            LogVerifier.Result result = service.verify(List.of(), page);
            status.setRollbackOnly();
            return result;
        });
        assertThat(tampered.ok()).isFalse();
        assertThat(tampered.firstBadEntry()).as(tampered.problem()).isEqualTo(k);
        assertThat(tampered.problem()).contains("does not hash to the leaf");
    }

    @Test
    void aChangedEntryFailsVerificationNamingIt() {
        long k = MINE.get(4);
        Verdicts verdicts = tampered(() -> {
            byte[] changed =
                    EntryEncoding.encode(EntryEncoding.decode(entryBytes(k)).withOutcome("REFUSED"));
            jdbc.sql("update audit_entry set entry = ?, outcome = 'REFUSED' where idx = ?")
                    .params(changed, k)
                    .update();
        });
        verdicts.bothName(k, "does not hash to the leaf");
    }

    @Test
    void aChangedEntryWhoseStoredHashesWereRewrittenTooFailsAgainstTheSignedCheckpoint() {
        long k = MINE.get(4);
        Verdicts verdicts = tampered(() -> {
            byte[] changed =
                    EntryEncoding.encode(EntryEncoding.decode(entryBytes(k)).withOutcome("REFUSED"));
            jdbc.sql("update audit_entry set entry = ? where idx = ?")
                    .params(changed, k)
                    .update();
            rebuildStoredTree();
        });
        // The first checkpoint that fails covers entry k; the one before it verifies: the bad entry is after it.
        long covered = jdbc.sql("select max(tree_size) from audit_checkpoint where tree_size <= ?")
                .param(k)
                .query(Long.class)
                .single();
        verdicts.bothName(covered, "do not give the root hash");
    }

    @Test
    void theSequencerSignsNothingOverAStoredTreeThatNoLongerGivesItsLatestCheckpoint() {
        long k = MINE.get(4);
        long[] after = transactions.execute(status -> {
            long signedBefore = jdbc.sql("select max(tree_size) from audit_checkpoint")
                    .query(Long.class)
                    .single();
            asOwnerPastTheTrigger();
            byte[] changed =
                    EntryEncoding.encode(EntryEncoding.decode(entryBytes(k)).withOutcome("REFUSED"));
            jdbc.sql("update audit_entry set entry = ? where idx = ?")
                    .params(changed, k)
                    .update();
            rebuildStoredTree();
            long ticket = audit.append(event(500));
            sequencer.seal();
            long signedAfter = jdbc.sql("select max(tree_size) from audit_checkpoint")
                    .query(Long.class)
                    .single();
            long stillPending = jdbc.sql("select count(*) from audit_pending where ticket = ?")
                    .param(ticket)
                    .query(Long.class)
                    .single();
            status.setRollbackOnly();
            return new long[] {signedBefore, signedAfter, stillPending};
        });
        assertThat(after[1]).as("no new checkpoint").isEqualTo(after[0]);
        assertThat(after[2]).as("the new entry waits").isEqualTo(1);
    }

    @Test
    void aDeletedEntryFailsVerificationNamingIt() {
        long k = MINE.get(2);
        Verdicts verdicts = tampered(
                () -> jdbc.sql("delete from audit_entry where idx = ?").param(k).update());
        verdicts.bothName(k, "is missing");
    }

    @Test
    void anInsertedEntryFailsVerificationNamingIt() {
        long k = MINE.get(3);
        Verdicts verdicts = tampered(() -> {
            jdbc.sql("update audit_entry set idx = idx + 1000000000 where idx >= ?")
                    .param(k)
                    .update();
            jdbc.sql("update audit_entry set idx = idx - 1000000000 + 1 where idx >= 1000000000")
                    .update();
            jdbc.sql(
                            "insert into audit_entry (idx, ticket, entry, kind, at) values (?, -1, ?, 'INTAKE_RECEIVED', now())")
                    .params(k, EntryEncoding.encode(event(99)))
                    .update();
        });
        verdicts.bothName(k, "does not hash to the leaf");
    }

    @Test
    void reorderedEntriesFailVerificationNamingTheFirst() {
        long k = MINE.get(5);
        Verdicts verdicts = tampered(() -> {
            byte[] first = entryBytes(k);
            byte[] second = entryBytes(k + 1);
            jdbc.sql("update audit_entry set entry = ? where idx = ?")
                    .params(second, k)
                    .update();
            jdbc.sql("update audit_entry set entry = ? where idx = ?")
                    .params(first, k + 1)
                    .update();
        });
        verdicts.bothName(k, "does not hash to the leaf");
    }

    @Test
    void aReplacedCheckpointFailsVerification() {
        long size = SIZES.get(6);
        Verdicts verdicts = tampered(() -> {
            String note = jdbc.sql("select note from audit_checkpoint where tree_size = ?")
                    .param(size)
                    .query(String.class)
                    .single();
            String root = Checkpoint.parse(SignedNote.parse(note).text()).root().length == 32
                    ? Base64.getEncoder()
                            .encodeToString(
                                    Checkpoint.parse(SignedNote.parse(note).text())
                                            .root())
                    : null;
            String forged = note.replace(root, Base64.getEncoder().encodeToString(new byte[32]));
            jdbc.sql("update audit_checkpoint set note = ?, root_hash = ? where tree_size = ?")
                    .params(forged, new byte[32], size)
                    .update();
        });
        assertThat(verdicts.online().ok()).isFalse();
        assertThat(verdicts.online().problem()).contains("tree size " + size).contains("not signed by the log's key");
        assertThat(verdicts.offlineStatus()).isEqualTo(1);
        assertThat(verdicts.offline()).contains("FAILED").contains("not signed by the log's key");
    }

    @Test
    void aCheckpointRolledBackToAnEarlierOneFailsVerification() {
        long latest = jdbc.sql("select max(tree_size) from audit_checkpoint")
                .query(Long.class)
                .single();
        long earlier = SIZES.get(1);
        Verdicts moved = tampered(() -> jdbc.sql(
                        "update audit_checkpoint set note = (select note from audit_checkpoint where tree_size = ?)"
                                + " where tree_size = ?")
                .params(earlier, latest)
                .update());
        assertThat(moved.online().problem())
                .contains("filed under tree size " + latest)
                .contains("moved");
        assertThat(moved.offlineStatus())
                .isEqualTo(1); // two checkpoints of size 'earlier': the export's proofs no longer line up

        String seen = service.checkpoint(latest);
        long size = service.size();
        Verdicts rolledBack = tampered(
                () -> {
                    jdbc.sql("delete from audit_checkpoint where tree_size > ?")
                            .param(earlier)
                            .update();
                    jdbc.sql("delete from audit_cosignature where tree_size > ?")
                            .param(earlier)
                            .update();
                    jdbc.sql("delete from audit_entry where idx >= ?")
                            .param(earlier)
                            .update();
                },
                List.of(seen));
        assertThat(size).isGreaterThan(earlier);
        rolledBack.bothName(earlier, "truncated");
    }

    @Test
    void aTruncatedLogThatGrewAgainIsCaughtByAConsistencyProofAgainstAnEarlierCheckpoint() {
        String seenNote = service.checkpoint(null);
        Checkpoint seen = Checkpoint.parse(SignedNote.parse(seenNote).text());
        long cut = MINE.get(3);
        String failure = transactions.execute(status -> {
            asOwnerPastTheTrigger();
            jdbc.sql("delete from audit_cosignature where tree_size > ?")
                    .param(cut)
                    .update();
            jdbc.sql("delete from audit_checkpoint where tree_size > ?")
                    .param(cut)
                    .update();
            jdbc.sql("delete from audit_node where (idx + 1) * (1::bigint << level) > ?")
                    .param(cut)
                    .update();
            jdbc.sql("delete from audit_entry where idx >= ?").param(cut).update();
            // The hub carries on from the truncated log, so it is longer than before again.
            for (int i = 0; i < seen.size() - cut + 2; i++) {
                audit.append(event(300 + i));
            }
            long grown = sequencer.seal();
            Checkpoint now =
                    Checkpoint.parse(SignedNote.parse(service.checkpoint(null)).text());
            assertThat(now.size()).isEqualTo(grown).isGreaterThan(seen.size());
            List<byte[]> proof = service.consistency(seen.size(), now.size()).stream()
                    .map(Base64.getDecoder()::decode)
                    .toList();
            status.setRollbackOnly();
            try {
                Merkle.verifyConsistency(seen.size(), now.size(), seen.root(), now.root(), proof);
                return null;
            } catch (Merkle.ProofException e) {
                return e.getMessage();
            }
        });
        assertThat(failure).isNotNull();
    }

    // --- Witnesses ---

    @Test
    void witnessesCosignCheckpointsAndAForkShownToTwoWitnessesIsCaught() throws Exception {
        SignedNote.VerifierKey log = service.verifierKey();
        Witness kukar = registeredWitness(
                "kukar", "kukar-witness-" + UUID.randomUUID().toString().substring(0, 8), log);
        Witness ppu = registeredWitness(
                "ppu", "ppu-witness-" + UUID.randomUUID().toString().substring(0, 8), log);

        String checkpoint = service.checkpoint(null);
        String cosigned = kukar.cosign(checkpoint, List.of(), now());
        ResponseEntity<String> posted =
                post("/api/v1/audit/checkpoint/cosignatures", cosigned, credentials.bearer("kukar"));
        assertThat(posted.getStatusCode().value()).as(posted.getBody()).isEqualTo(201);
        String served = get(
                        "/api/v1/audit/checkpoint?size="
                                + Checkpoint.parse(SignedNote.parse(checkpoint).text())
                                        .size(),
                        auditor())
                .getBody();
        SignedNote withCosignature = SignedNote.parse(served);
        assertThat(withCosignature.signatureOf(kukar.verifierKey())).isPresent();
        assertThat(Checkpoint.cosignedBy(
                        kukar.verifierKey(),
                        withCosignature.text(),
                        withCosignature.signatureOf(kukar.verifierKey()).get()))
                .isTrue();

        // A cosignature by a key the participant did not register, or over another text, is refused.
        ResponseEntity<String> byOther =
                post("/api/v1/audit/checkpoint/cosignatures", cosigned, credentials.bearer("ppu"));
        assertThat(byOther.getStatusCode().value()).isEqualTo(422);
        assertThat(JSON.readTree(byOther.getBody())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("(body)");

        // Not a signed note, or a cosignature that does not verify: problems naming what is wrong.
        ResponseEntity<String> garbage =
                post("/api/v1/audit/checkpoint/cosignatures", "not a note", credentials.bearer("kukar"));
        assertThat(garbage.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(garbage.getBody())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("(body)");
        SignedNote.Signature line =
                SignedNote.parse(cosigned).signatureOf(kukar.verifierKey()).orElseThrow();
        byte[] broken = line.signature();
        broken[20] ^= 1;
        String forged = SignedNote.parse(checkpoint)
                .with(new SignedNote.Signature(line.keyName(), line.keyId(), broken))
                .serialize();
        ResponseEntity<String> badSignature =
                post("/api/v1/audit/checkpoint/cosignatures", forged, credentials.bearer("kukar"));
        assertThat(badSignature.getStatusCode().value())
                .as(badSignature.getBody())
                .isEqualTo(422);
        assertThat(JSON.readTree(badSignature.getBody())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo(kukar.verifierKey().name());

        // The hub (its database and its key in a dishonest operator's hands) forks: entries from 'cut' are
        // replaced and a checkpoint of the same size is signed. PPU's witness, which never saw the honest one,
        // cosigns the fork; Kukar's, shown the fork, refuses it; the two cosigned checkpoints prove the fork.
        Checkpoint honest = Checkpoint.parse(SignedNote.parse(checkpoint).text());
        long cut = MINE.get(6);
        String[] outcome = transactions.execute(status -> {
            asOwnerPastTheTrigger();
            jdbc.sql("delete from audit_pending")
                    .update(); // other tests' events waiting: the fork is exactly the honest size
            jdbc.sql("delete from audit_cosignature where tree_size > ?")
                    .param(cut)
                    .update();
            jdbc.sql("delete from audit_checkpoint where tree_size > ?")
                    .param(cut)
                    .update();
            jdbc.sql("delete from audit_node where (idx + 1) * (1::bigint << level) > ?")
                    .param(cut)
                    .update();
            jdbc.sql("delete from audit_entry where idx >= ?").param(cut).update();
            for (long i = cut; i < honest.size(); i++) {
                audit.append(event(400 + (int) i).withOutcome("REFUSED"));
            }
            sequencer.seal();
            String fork = service.checkpoint(honest.size());
            String ppuCosigned;
            try {
                ppuCosigned = ppu.cosign(fork, List.of(), now());
            } catch (Merkle.ProofException e) {
                throw new AssertionError(e);
            }
            String kukarRefusal;
            try {
                kukar.cosign(
                        fork,
                        service.consistency(honest.size(), honest.size()).stream()
                                .map(Base64.getDecoder()::decode)
                                .toList(),
                        now());
                kukarRefusal = null;
            } catch (Merkle.ProofException e) {
                kukarRefusal = e.getMessage();
            }
            status.setRollbackOnly();
            return new String[] {ppuCosigned, kukarRefusal};
        });
        assertThat(outcome[1])
                .as("Kukar's witness refuses the forked checkpoint")
                .contains("forked");
        assertThat(Witness.fork(cosigned, outcome[0], log))
                .as("the two cosigned checkpoints are evidence of a fork")
                .isTrue();
        assertThat(Witness.fork(cosigned, cosigned, log)).isFalse();
    }

    private Witness registeredWitness(String participant, String name, SignedNote.VerifierKey log) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        Witness witness = new Witness(name, seed, log);
        String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"" + name + "\",\"x\":\""
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(witness.verifierKey().publicKey()) + "\"}";
        ResponseEntity<String> registered = exchange(
                HttpMethod.POST,
                "/api/v1/participants/" + participant + "/witness-keys",
                jwk,
                MediaType.APPLICATION_JSON,
                credentials.basic("operator"));
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        ResponseEntity<String> approved = exchange(
                HttpMethod.POST,
                "/api/v1/participants/" + participant + "/witness-keys/" + name + "/approval",
                null,
                MediaType.APPLICATION_JSON,
                credentials.basic("signer-" + participant));
        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
        return witness;
    }

    // --- helpers ---

    /** What the online verification and the offline verifier (on an export made in the same state) said. */
    private record Verdicts(LogVerifier.Result online, String offline, int offlineStatus) {
        void bothName(long entry, String reason) {
            assertThat(online.ok()).isFalse();
            assertThat(online.firstBadEntry()).as(online.problem()).isEqualTo(entry);
            assertThat(online.problem()).contains(reason);
            assertThat(offlineStatus).as(offline).isEqualTo(1);
            assertThat(offline)
                    .contains("FAILED: first bad entry " + entry + ":")
                    .contains(reason);
        }
    }

    private Verdicts tampered(Runnable tamper) {
        return tampered(tamper, List.of());
    }

    /** Tampers as the database's owner (past the trigger), verifies online and offline, then rolls everything back. */
    private Verdicts tampered(Runnable tamper, List<String> seenEarlier) {
        Verdicts verdicts = transactions.execute(status -> {
            asOwnerPastTheTrigger();
            tamper.run();
            LogVerifier.Result online = service.verify(seenEarlier);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int offline = AuditCommand.verify(
                    service.export(null),
                    service.verifierKey().toString(),
                    seenEarlier,
                    List.of(),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            status.setRollbackOnly();
            return new Verdicts(online, out.toString(StandardCharsets.UTF_8), offline);
        });
        assertThat(service.verify(List.of()).ok())
                .as("the rollback restored the log")
                .isTrue();
        return verdicts;
    }

    /**
     * Holds the sequencer off and, as the tables' owner (the hub's database user), disables the append-only
     * triggers: ALTER TABLE is transactional, so the rollback enables them again.
     */
    private void asOwnerPastTheTrigger() {
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(AuditSequencer.LOCK)
                .query(Object.class)
                .single();
        for (String table : List.of("audit_entry", "audit_node", "audit_checkpoint", "audit_cosignature")) {
            jdbc.sql("alter table " + table + " disable trigger user").update();
        }
    }

    private byte[] entryBytes(long index) {
        return jdbc.sql("select entry from audit_entry where idx = ?")
                .param(index)
                .query(byte[].class)
                .single();
    }

    /** What an attacker who knows the format does after changing an entry: recomputes every stored hash. */
    private void rebuildStoredTree() {
        List<byte[]> level = new ArrayList<>(
                jdbc.sql("select entry from audit_entry order by idx").query(byte[].class).list().stream()
                        .map(Merkle::leafHash)
                        .toList());
        jdbc.sql("delete from audit_node").update();
        for (int l = 0; !level.isEmpty(); l++) {
            List<byte[]> above = new ArrayList<>();
            for (int i = 0; i < level.size(); i++) {
                jdbc.sql("insert into audit_node (level, idx, hash) values (?, ?, ?)")
                        .params(l, i, level.get(i))
                        .update();
                if (i % 2 == 1) {
                    above.add(Merkle.nodeHash(level.get(i - 1), level.get(i)));
                }
            }
            level = above;
        }
    }

    /** Runs {@code java -jar target/lintas-hub.jar ARGS} (built by the package phase before the ITs); its output into out. */
    static int runJar(ByteArrayOutputStream out, String... args) throws Exception {
        out.reset();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                Path.of("target", "lintas-hub.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        out.write(process.getInputStream().readAllBytes());
        return process.waitFor();
    }

    private static long now() {
        return java.time.Instant.now().getEpochSecond();
    }

    private String auditor() {
        return credentials.basic("auditor");
    }

    private ResponseEntity<String> get(String path, String authorization) {
        return exchange(HttpMethod.GET, path, null, null, authorization);
    }

    private ResponseEntity<String> post(String path, String body, String authorization) {
        return exchange(HttpMethod.POST, path, body, MediaType.TEXT_PLAIN, authorization);
    }

    private ResponseEntity<String> exchange(
            HttpMethod method, String path, String body, MediaType type, String authorization) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        if (type != null) {
            headers.setContentType(type);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private static List<byte[]> hashes(ResponseEntity<String> answer) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        List<byte[]> hashes = new ArrayList<>();
        JSON.readTree(answer.getBody())
                .forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
        return hashes;
    }
}
