package id.lintas.hub.participant;

import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.RegionAdapter;
import id.lintas.contracts.spi.Transport;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connected participants with their adapters and endpoints, as stored in the database (seeded from
 * {@code lintas.participants} at the first start only). Every instance polls the table and reloads it when a
 * change was committed (ADR 0010), then publishes a {@link ParticipantChanged} per participant that changed,
 * so routes and gauges follow without a restart. Checked at start: a participant whose adapter or region is
 * unknown stops the hub rather than failing on its first message.
 */
@Component
public class ParticipantDirectory {

    private static final Logger log = LoggerFactory.getLogger(ParticipantDirectory.class);
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final ParticipantRepository repository;
    private final AdapterRegistry adapters;
    private final ApplicationEventPublisher events;
    private final RegionTable regions = RegionTable.standard();
    private final Map<String, URI> endpointOverrides = new ConcurrentHashMap<>();
    private volatile Map<String, Connected> participants = Map.of();
    private long fingerprint = -1;

    /** The hub's directory: the database, seeded from configuration if it holds no participant yet. */
    @Autowired
    ParticipantDirectory(
            ParticipantRepository repository,
            ParticipantProperties properties,
            AdapterRegistry adapters,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.repository = repository;
        this.adapters = adapters;
        this.events = events;
        long seeded = transactions.execute(tx -> {
            repository.lockForSeeding();
            if (repository.count() > 0) {
                return 0L;
            }
            // Fail on a bad configuration before writing any of it.
            properties
                    .participants()
                    .forEach((id, settings) -> connect(
                            id,
                            settings.name(),
                            settings.region(),
                            settings.adapter(),
                            settings.endpoint(),
                            settings.zone(),
                            false));
            repository.actor(ParticipantRepository.CONFIGURATION);
            properties
                    .participants()
                    .forEach((id, s) -> repository.insert(
                            id,
                            s.name(),
                            s.region(),
                            s.adapter(),
                            s.endpoint() == null ? null : s.endpoint().toString(),
                            (s.zone() == null ? WIB : s.zone()).getId(),
                            ParticipantStatus.ACTIVE));
            return (long) properties.participants().size();
        });
        if (seeded > 0) {
            log.info(
                    "{} participants seeded from lintas.participants into the database; from now on the database is the"
                            + " truth: change participants through /api/v1/participants",
                    seeded);
        } else if (!properties.participants().isEmpty()) {
            log.info("lintas.participants is not read: the participants are in the database since its first start;"
                    + " change them through /api/v1/participants");
        }
        Map<String, Connected> loaded = new LinkedHashMap<>();
        long print = repository.fingerprint();
        for (ParticipantRepository.Row row : repository.all()) {
            loaded.put(row.id(), connect(row));
        }
        participants = Collections.unmodifiableMap(loaded);
        fingerprint = print;
    }

    /** A directory of configured participants only, without a database (tools and tests). */
    public ParticipantDirectory(ParticipantProperties properties, AdapterRegistry adapters) {
        this.repository = null;
        this.adapters = adapters;
        this.events = event -> {};
        Map<String, Connected> configured = new LinkedHashMap<>();
        properties
                .participants()
                .forEach((id, settings) -> configured.put(
                        id,
                        connect(
                                id,
                                settings.name(),
                                settings.region(),
                                settings.adapter(),
                                settings.endpoint(),
                                settings.zone(),
                                false)));
        participants = Collections.unmodifiableMap(configured);
    }

    /**
     * Reloads the participants when a change was committed since the last load (here or on another instance,
     * or with plain SQL), and tells the rest of the hub what changed.
     */
    @Scheduled(
            fixedDelayString = "${lintas.participant-refresh-interval:5s}",
            initialDelayString = "${lintas.participant-refresh-interval:5s}")
    public synchronized void refresh() {
        if (repository == null) {
            return;
        }
        long print = repository.fingerprint();
        if (print == fingerprint) {
            return;
        }
        Map<String, Connected> loaded = new LinkedHashMap<>();
        List<ParticipantChanged> changes = new ArrayList<>();
        for (ParticipantRepository.Row row : repository.all()) {
            Connected before = participants.get(row.id());
            Connected after;
            try {
                after = connect(row);
            } catch (IllegalStateException unusable) {
                // Only plain SQL can store one: keep what was known rather than drop a region's deliveries.
                log.error(
                        "Participant {} as stored is not usable ({}); keeping it as it was",
                        row.id(),
                        unusable.getMessage());
                if (before != null) {
                    loaded.put(row.id(), before);
                }
                continue;
            }
            loaded.put(row.id(), after);
            if (!after.equals(before)) {
                changes.add(new ParticipantChanged(before, after));
            }
        }
        participants = Collections.unmodifiableMap(loaded);
        fingerprint = print;
        for (ParticipantChanged change : changes) {
            log.info(
                    "Participant {} {}",
                    change.id(),
                    change.added()
                            ? "connected (" + change.after().adapter().format() + ")"
                            : change.after().suspended() && !change.before().suspended()
                                    ? "suspended"
                                    : !change.after().suspended()
                                                    && change.before().suspended()
                                            ? "reinstated"
                                            : "changed");
            try {
                events.publishEvent(change);
            } catch (RuntimeException failed) {
                // The directory holds the change; what could not follow it (a route, a gauge) follows at the next
                // start.
                log.error("Participant {}: the hub could not follow its change at run time", change.id(), failed);
            }
        }
    }

    private Connected connect(ParticipantRepository.Row row) {
        return connect(
                row.id(),
                row.name(),
                row.region(),
                row.format(),
                row.endpoint() == null ? null : URI.create(row.endpoint()),
                ZoneId.of(row.zone()),
                row.suspended());
    }

    private Connected connect(
            String id, String name, String kemendagri, String format, URI endpoint, ZoneId zone, boolean suspended) {
        RegionAdapter adapter = adapters.forFormat(format)
                .orElseThrow(
                        () -> new IllegalStateException("participant " + id + ": no adapter for format " + format));
        Region region = regions.byKemendagri(kemendagri)
                .orElseThrow(() ->
                        new IllegalStateException("participant " + id + ": unknown Kemendagri region " + kemendagri));
        return new Connected(
                new Participant(id, name, region.kemendagri(), zone != null ? zone : WIB),
                adapter,
                endpoint,
                suspended);
    }

    public Optional<Connected> find(String participantId) {
        return participantId == null ? Optional.empty() : Optional.ofNullable(participants.get(participantId));
    }

    public Connected get(String participantId) {
        return find(participantId).orElseThrow(() -> new IllegalStateException("unknown participant " + participantId));
    }

    /** Every participant, suspended ones included (their deliveries are held, not forgotten). */
    public Collection<Connected> all() {
        return participants.values();
    }

    /** The participants that exchange referrals now. */
    public List<Connected> active() {
        return participants.values().stream().filter(p -> !p.suspended()).toList();
    }

    /** True when the participant is known and suspended. */
    public boolean suspended(String participantId) {
        return find(participantId).map(Connected::suspended).orElse(false);
    }

    public List<Connected> withTransport(Transport transport) {
        return participants.values().stream()
                .filter(p -> p.adapter().transport() == transport)
                .toList();
    }

    /** The participants that serve exactly this region. */
    public List<Connected> serving(String kemendagri) {
        return participants.values().stream()
                .filter(p -> p.participant().regionKemendagri().equals(kemendagri))
                .toList();
    }

    /** The endpoint to deliver to: configured, or set at run time (the demo's simulated regions). */
    public Optional<URI> endpoint(String participantId) {
        URI override = endpointOverrides.get(participantId);
        if (override != null) {
            return Optional.of(override);
        }
        return find(participantId).map(Connected::endpoint);
    }

    /** Points a participant without a configured endpoint at a simulated one. */
    public void simulate(String participantId, URI endpoint) {
        endpointOverrides.put(participantId, endpoint);
    }

    /**
     * A participant, its adapter, its endpoint (null for file drops) and whether it is suspended.
     */
    public record Connected(Participant participant, RegionAdapter adapter, URI endpoint, boolean suspended) {

        public Connected(Participant participant, RegionAdapter adapter, URI endpoint) {
            this(participant, adapter, endpoint, false);
        }

        public String id() {
            return participant.id();
        }
    }
}
