package id.lintas.hub.participant;

import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.Transport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Administrators connect, change, suspend and reinstate participants. Each change is one transaction
 * (the history row is written by the table's trigger with the actor), after which this instance's
 * directory is refreshed at once; the other instances follow at their next poll.
 */
@Service
class ParticipantService {

    private static final Logger log = LoggerFactory.getLogger(ParticipantService.class);

    private final ParticipantRepository repository;
    private final ParticipantDirectory directory;
    private final AdapterRegistry adapters;
    private final TransactionTemplate transactions;
    private final RegionTable regions = RegionTable.standard();

    ParticipantService(
            ParticipantRepository repository,
            ParticipantDirectory directory,
            AdapterRegistry adapters,
            TransactionTemplate transactions) {
        this.repository = repository;
        this.directory = directory;
        this.adapters = adapters;
        this.transactions = transactions;
    }

    /** A participant as the API shows it. */
    record ParticipantView(
            String id,
            String name,
            String region,
            String regionName,
            String format,
            String transport,
            String endpoint,
            String zone,
            String status,
            long version,
            Instant updatedAt,
            String updatedBy) {}

    List<ParticipantView> list() {
        return repository.all().stream().map(this::view).toList();
    }

    ParticipantView get(String id) {
        return repository.find(id).map(this::view).orElseThrow(() -> ParticipantProblem.notFound(id));
    }

    List<ParticipantRepository.HistoryEntry> history(String id) {
        if (repository.find(id).isEmpty()) {
            throw ParticipantProblem.notFound(id);
        }
        return repository.history(id);
    }

    ParticipantView create(String id, ParticipantRules.Values values, String actor) {
        List<FieldError> errors = new ArrayList<>(ParticipantRules.id(id));
        errors.addAll(ParticipantRules.values(values, adapters, regions));
        if (!errors.isEmpty()) {
            throw ParticipantProblem.invalid(errors);
        }
        ParticipantStatus status = ParticipantRules.status(values.status()).orElse(ParticipantStatus.ACTIVE);
        boolean inserted = transactions.execute(tx -> {
            repository.actor(actor);
            return repository.insert(
                    id, values.name().trim(), values.region(), values.format(), endpoint(values), zone(values), status);
        });
        if (!inserted) {
            throw ParticipantProblem.conflict(
                    "participant-exists",
                    "Participant exists",
                    "id",
                    "participant " + id + " exists; change it with PUT /api/v1/participants/" + id);
        }
        log.info("Participant {} ({}, region {}) created by {}", id, values.format(), values.region(), actor);
        directory.refresh();
        return get(id);
    }

    /**
     * Replaces a participant's values. {@code expectedVersion}, when given, must be the stored version (a
     * change made meanwhile by someone else is not overwritten unseen).
     */
    ParticipantView update(String id, ParticipantRules.Values values, Long expectedVersion, String actor) {
        ParticipantRepository.Row current = repository.find(id).orElseThrow(() -> ParticipantProblem.notFound(id));
        List<FieldError> errors = new ArrayList<>(ParticipantRules.values(values, adapters, regions));
        if (values.status() == null) {
            errors.add(new FieldError(
                    "status",
                    "required: ACTIVE or SUSPENDED (a suspended participant neither sends nor"
                            + " receives; its deliveries are held)"));
        }
        if (values.region() != null
                && !values.region().equals(current.region())
                && errors.stream().noneMatch(e -> e.field().equals("region"))) {
            errors.add(new FieldError(
                    "region",
                    "a participant serves one region (" + current.region() + "), which its"
                            + " agreements name; connect another participant for " + values.region()));
        }
        if (!errors.isEmpty()) {
            throw ParticipantProblem.invalid(errors);
        }
        ParticipantStatus status = ParticipantRules.status(values.status()).orElseThrow();
        transactions.executeWithoutResult(tx -> {
            repository.actor(actor);
            long stored = repository.find(id).orElseThrow().version();
            if (expectedVersion != null && expectedVersion != stored) {
                throw ParticipantProblem.conflict(
                        "participant-changed",
                        "Participant changed meanwhile",
                        "version",
                        "participant " + id + " is at version " + stored + ", not " + expectedVersion
                                + ": read it again");
            }
            repository.update(id, values.name().trim(), values.format(), endpoint(values), zone(values), status);
        });
        log.info("Participant {} updated by {} (status {})", id, actor, status);
        directory.refresh();
        return get(id);
    }

    private String endpoint(ParticipantRules.Values values) {
        boolean files = adapters.forFormat(values.format())
                .map(a -> a.transport() == Transport.FILE)
                .orElse(false);
        return files || values.endpoint() == null || values.endpoint().isBlank()
                ? null
                : values.endpoint().trim();
    }

    private static String zone(ParticipantRules.Values values) {
        return values.zone() == null || values.zone().isBlank()
                ? ParticipantDirectory.WIB.getId()
                : values.zone().trim();
    }

    private ParticipantView view(ParticipantRepository.Row row) {
        String regionName =
                regions.byKemendagri(row.region()).map(r -> r.name()).orElse(null);
        String transport =
                adapters.forFormat(row.format()).map(a -> a.transport().name()).orElse(null);
        return new ParticipantView(
                row.id(),
                row.name(),
                row.region(),
                regionName,
                row.format(),
                transport,
                row.endpoint(),
                row.zone(),
                row.status(),
                row.version(),
                row.updatedAt(),
                row.updatedBy());
    }
}
