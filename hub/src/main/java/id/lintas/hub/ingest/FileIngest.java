package id.lintas.hub.ingest;

import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.FileBatch;
import id.lintas.contracts.spi.FileBatchReader;
import id.lintas.contracts.spi.FileRejectedException;
import id.lintas.contracts.spi.ReceiptTexts;
import id.lintas.contracts.spi.RowReceipt;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.hub.Endpoints;
import id.lintas.hub.delivery.FileDrop;
import id.lintas.hub.delivery.FilesProperties;
import id.lintas.hub.lifecycle.ReferralNotFoundException;
import id.lintas.hub.lifecycle.StatusChangeRefusedException;
import id.lintas.hub.lifecycle.StatusService;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Header;
import org.apache.camel.component.file.FileConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads one dropped file: every item through {@link Intake} in its own transaction, so a bad row never
 * costs the good rows beside it; then writes the receipt ({@code HASIL_}) into the participant's outbox. A file that is
 * not of the format at all is refused whole and moved to the error folder.
 */
@Component
public class FileIngest {

    private static final Logger log = LoggerFactory.getLogger(FileIngest.class);

    private final ParticipantDirectory participants;
    private final InboundMessageStore inbound;
    private final Intake intake;
    private final FileDrop files;
    private final long maxFileBytes;
    private final IntakeMeters meters;
    private final IntakeTurns turns;
    private final ExecutorService caseWorkers;

    FileIngest(
            ParticipantDirectory participants,
            InboundMessageStore inbound,
            Intake intake,
            FileDrop files,
            FilesProperties properties,
            IntakeMeters meters,
            IntakeTurns turns) {
        this.turns = turns;
        this.participants = participants;
        this.inbound = inbound;
        this.intake = intake;
        this.files = files;
        this.maxFileBytes = properties.maxFileSize().toBytes();
        this.meters = meters;
        AtomicInteger worker = new AtomicInteger();
        this.caseWorkers = Executors.newFixedThreadPool(properties.caseWorkers(), task -> {
            Thread thread = new Thread(task, "lintas-file-cases-" + worker.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Decides, before a byte is read, whether a dropped file may be read at all: only a regular file
     * directly inside the participant's inbox (no symbolic link, device or pipe, no other name for a
     * file elsewhere), no larger than the cap. A sender could otherwise make the hub read any file it
     * can read, and see its content quoted back. A refusal names what was wrong, never what is inside.
     */
    public void admit(
            @Header(FileConstants.FILE_ABSOLUTE_PATH) String path,
            @Header(Ingest.PARTICIPANT) String participantId,
            @Header(FileConstants.FILE_NAME_ONLY) String fileName)
            throws FileRejectedException {
        String refusal = refusal(Path.of(path), participantId);
        if (refusal == null) {
            try {
                // Archived and error copies keep these permissions: the hub's own.
                FileDrop.ownerOnlyFile(Path.of(path));
            } catch (IOException e) {
                log.debug("File {} from {}: permissions left as the sender set them", fileName, participantId);
            }
            FileDrop.ownerOnlyDirectory(files.archive(participantId).resolve(Endpoints.archiveDay()));
            return;
        }
        FileBatchReader reader = fileReader(participants.get(participantId));
        UUID inboundId = inbound.keep(participantId, "FILE", "FILE", fileName, "text/csv", new byte[0]);
        inbound.outcome(
                inboundId, InboundMessageStore.REJECTED, List.of(Map.of("field", "file", "reason", refusal)), null);
        files.write(participantId, reader.renderRejection(fileName, refusal));
        log.warn("File {} from {} refused unread: {}", fileName, participantId, refusal);
        throw new FileRejectedException(refusal);
    }

    private String refusal(Path file, String participantId) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return "file could not be inspected";
        }
        if (!attributes.isRegularFile()) {
            return "not a regular file: links, devices and pipes are never read";
        }
        try {
            if (!file.toRealPath().getParent().equals(files.inbox(participantId).toRealPath())) {
                return "not a file of this inbox folder";
            }
            Object links = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            if (links instanceof Integer count && count > 1) {
                return "file has other names (hard links) and is not read: drop a copy";
            }
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            // No link count where the file system has none; the regular-file and folder checks stand.
        } catch (IOException e) {
            return "file could not be inspected";
        }
        if (attributes.size() > maxFileBytes) {
            return "file is larger than " + maxFileBytes + " bytes";
        }
        return null;
    }

    public void process(
            byte[] content,
            @Header(Ingest.PARTICIPANT) String participantId,
            @Header("CamelFileNameOnly") String fileName)
            throws FileRejectedException {
        Connected sender = participants.get(participantId);
        FileBatchReader reader = fileReader(sender);
        UUID inboundId = inbound.keep(participantId, "FILE", "FILE", fileName, "text/csv", content);
        FileBatch batch;
        try {
            batch = reader.readFile(fileName, content, sender.participant());
        } catch (FileRejectedException e) {
            inbound.outcome(
                    inboundId,
                    InboundMessageStore.REJECTED,
                    List.of(Map.of("field", "file", "reason", e.getMessage())),
                    null);
            files.write(participantId, reader.renderRejection(fileName, e.getMessage()));
            log.warn("File {} from {} refused whole: {}", fileName, participantId, e.getMessage());
            meters.rejected(participantId, "file", 1);
            throw e;
        }
        ReceiptTexts texts = reader.receiptTexts();
        List<FileBatch.Item> items = batch.items();
        Outcome[] outcomes = outcomes(sender, texts, items);
        List<RowReceipt> receipts = new ArrayList<>();
        List<Map<String, Object>> refused = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            FileBatch.Item item = items.get(i);
            Outcome outcome = outcomes[i];
            for (Integer row : item.rows()) {
                receipts.add(new RowReceipt(
                        row, item.sourceReference(), outcome.referralId(), outcome.accepted(), outcome.message()));
                if (!outcome.accepted()) {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("row", row);
                    error.put(
                            "errors",
                            outcome.errors().stream()
                                    .map(e -> Map.of("field", e.field(), "reason", e.reason()))
                                    .toList());
                    refused.add(error);
                }
            }
        }
        receipts.sort((a, b) -> Integer.compare(a.row(), b.row()));
        files.write(participantId, reader.renderReceipt(fileName, receipts));
        String outcome = refused.isEmpty()
                ? InboundMessageStore.ACCEPTED
                : refused.size() == receipts.size() ? InboundMessageStore.REJECTED : InboundMessageStore.PARTIAL;
        inbound.outcome(inboundId, outcome, refused.isEmpty() ? null : refused, null);
        meters.rejected(participantId, "file", refused.size());
        log.info("File {} from {}: {} row(s), {} refused", fileName, participantId, receipts.size(), refused.size());
    }

    /**
     * Every item's outcome, by its place in the file. The cases of a file go through intake side by side
     * ({@code lintas.files.case-workers}), each waiting for its intake turn; the items of one case keep
     * the file's order (a revision after the one before it, a status change after the one before). A
     * failure that is not the item's own (the database, the broker) fails the whole file, once every
     * case under way has ended, so the file is read again later and what was recorded is a resend then.
     */
    private Outcome[] outcomes(Connected sender, ReceiptTexts texts, List<FileBatch.Item> items) {
        Outcome[] outcomes = new Outcome[items.size()];
        Map<String, List<Integer>> cases = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            FileBatch.Item item = items.get(i);
            if (item.message() == null) {
                outcomes[i] = Outcome.refused(texts, item.errors());
            } else {
                cases.computeIfAbsent(caseKey(item, i), k -> new ArrayList<>()).add(i);
            }
        }
        List<CompletableFuture<Void>> running = new ArrayList<>(cases.size());
        for (List<Integer> positions : cases.values()) {
            Runnable oneCase = () -> positions.forEach(i -> outcomes[i] = accept(sender, texts, items.get(i)));
            running.add(
                    cases.size() == 1
                            ? CompletableFuture.runAsync(oneCase, Runnable::run)
                            : CompletableFuture.runAsync(oneCase, caseWorkers));
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
        return outcomes;
    }

    /** Items of one case share a key: status changes by the hub's referral id, referrals by the case number. */
    private static String caseKey(FileBatch.Item item, int position) {
        if (item.message() instanceof StatusChange change && change.hubReferralId() != null) {
            return "referral:" + change.hubReferralId();
        }
        return item.sourceReference() == null ? "item:" + position : "case:" + item.sourceReference();
    }

    @PreDestroy
    void stop() {
        caseWorkers.shutdownNow();
    }

    private static FileBatchReader fileReader(Connected sender) {
        return sender.adapter()
                .fileBatchReader()
                .orElseThrow(
                        () -> new IllegalStateException("participant " + sender.id() + " does not exchange files"));
    }

    /** One item through the same {@link Intake} as an HTTP or FHIR message; its refusal becomes the rows' receipt. */
    private Outcome accept(Connected sender, ReceiptTexts texts, FileBatch.Item item) {
        // A row waits for its turn of intake as long as it takes: its file is in the hub's hands already.
        try (IntakeTurns.Turn turn = turns.forFileRow()) {
            if (item.message() instanceof CanonicalReferral referral) {
                ReferralIntake.Result result = intake.referral(sender, referral);
                return new Outcome(
                        true,
                        result.referralId().toString(),
                        texts.referralReceived(result.duplicate(), result.refusal(), result.notCovered()),
                        List.of());
            }
            StatusService.Result result = intake.status(sender, (StatusChange) item.message());
            return new Outcome(true, result.referralId().toString(), texts.statusApplied(result.status()), List.of());
        } catch (InvalidMessageException e) {
            return Outcome.refused(texts, e.errors());
        } catch (StaleRevisionException e) {
            return Outcome.refused(texts, e.field(), e);
        } catch (ReferralNotFoundException e) {
            return Outcome.refused(texts, e.field(), e);
        } catch (StatusChangeRefusedException e) {
            return Outcome.refused(texts, e.field(), e);
        }
    }

    private record Outcome(boolean accepted, String referralId, String message, List<FieldError> errors) {
        static Outcome refused(ReceiptTexts texts, List<FieldError> errors) {
            return new Outcome(false, null, texts.refused(errors), errors);
        }

        static Outcome refused(ReceiptTexts texts, String field, RuntimeException refusal) {
            return refused(texts, List.of(new FieldError(field, refusal.getMessage())));
        }
    }
}
