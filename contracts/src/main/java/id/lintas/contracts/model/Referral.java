package id.lintas.contracts.model;

import id.lintas.contracts.region.Region;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The typed canonical referral (docs/canonical-model.md): what one region refers to another, in
 * the hub's codes. {@link id.lintas.contracts.canonical.CanonicalWriter} writes it as the canonical
 * Bundle, {@link id.lintas.contracts.canonical.CanonicalReader} reads it back.
 *
 * @param sourceCaseNumber the sender's own case number ({@code no_registrasi}); with the revision it identifies a
 *     resend (null only in a Bundle built by hand without one)
 * @param revision the sender's revision of the case, 1 when it sends none
 * @param kind referral or transfer (null only in a Bundle built by hand without one)
 * @param urgency the hub's urgency, or null when the Bundle carries none
 * @param authoredOn when the case was reported to the sender, with the sender's offset, or null
 * @param intakeChannel the hub's {@code CodeSystem/intake-channel} code, or null
 * @param reportingRegion the region of the sender that recorded the report, or null
 * @param requestedDestination the region the sender named as destination, or null when it let the hub decide
 * @param identifiers other identifiers the sender gave the referral (its message uuid, its own system's id)
 * @param reason why the sender refers the case (free text, identifying: never logged), or null
 * @param chronology what happened, as the sender wrote it (free text, identifying: never logged), or null
 * @param victims the victims, first the one the referral is for; at least one in a referral an adapter read
 * @param perpetrators the (suspected) perpetrators
 * @param incident what happened (to every victim without an incident of its own), or null in a copy
 *     without violence data
 * @param services the hub's {@code CodeSystem/service} codes requested, in order
 * @param sender the sending participant, or null in a Bundle built by hand without one
 * @param destination the participant the hub routed the referral to, or null until routed
 * @param officer the sending officer, or null
 */
public record Referral(
        String sourceCaseNumber,
        int revision,
        ReferralKind kind,
        Urgency urgency,
        OffsetDateTime authoredOn,
        String intakeChannel,
        Region reportingRegion,
        Region requestedDestination,
        List<ExternalIdentifier> identifiers,
        String reason,
        String chronology,
        List<Victim> victims,
        List<Perpetrator> perpetrators,
        Incident incident,
        List<String> services,
        Party sender,
        Party destination,
        Officer officer) {

    public Referral {
        identifiers = List.copyOf(identifiers);
        victims = List.copyOf(victims);
        perpetrators = List.copyOf(perpetrators);
        services = List.copyOf(services);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this referral's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder()
                .sourceCaseNumber(sourceCaseNumber)
                .revision(revision)
                .kind(kind)
                .urgency(urgency)
                .authoredOn(authoredOn)
                .intakeChannel(intakeChannel)
                .reportingRegion(reportingRegion)
                .requestedDestination(requestedDestination)
                .identifiers(identifiers)
                .reason(reason)
                .chronology(chronology)
                .victims(victims)
                .perpetrators(perpetrators)
                .incident(incident)
                .services(services)
                .sender(sender)
                .destination(destination)
                .officer(officer);
    }

    /** The victim the referral is for (the first), or null when it has none. */
    public Victim firstVictim() {
        return victims.isEmpty() ? null : victims.get(0);
    }

    /** The hub's violence-form codes of the whole case, every victim's, each once in the order first met. */
    public List<String> violenceForms() {
        return incidents().stream().flatMap(i -> i.forms().stream()).distinct().toList();
    }

    /** The regions where the violence happened, every victim's, each once. */
    public List<Region> incidentRegions() {
        return incidents().stream()
                .map(Incident::region)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }

    /** The referral's incident and every victim's own, each once. */
    public List<Incident> incidents() {
        List<Incident> all = new ArrayList<>();
        if (incident != null) {
            all.add(incident);
        }
        victims.stream()
                .map(Victim::incident)
                .filter(i -> i != null && !all.contains(i))
                .forEach(all::add);
        return List.copyOf(all);
    }

    /** Whether a perpetrator is a parent of the victim. */
    public boolean hasParentPerpetrator() {
        return perpetrators.stream().anyMatch(Perpetrator::isParent);
    }

    /** The same referral routed to {@code party}. */
    public Referral withDestination(Party party) {
        return toBuilder().destination(party).build();
    }

    /**
     * The same referral with every victim labelled sensitive whose incident (its own, else the
     * referral's) is sexual or domestic violence ({@link Incident#isSexualOrDomestic()}), as the
     * adapters label them; a label already set stays.
     */
    public Referral withSensitivityLabels() {
        return toBuilder()
                .victims(victims.stream()
                        .map(v -> {
                            Incident what = v.incidentIn(this);
                            return v.withSensitive(v.sensitive() || (what != null && what.isSexualOrDomestic()));
                        })
                        .toList())
                .build();
    }

    /** Builds a {@link Referral}; lists default to empty, the revision to 1. */
    public static final class Builder {
        private String sourceCaseNumber;
        private int revision = 1;
        private ReferralKind kind;
        private Urgency urgency;
        private OffsetDateTime authoredOn;
        private String intakeChannel;
        private Region reportingRegion;
        private Region requestedDestination;
        private List<ExternalIdentifier> identifiers = new ArrayList<>();
        private String reason;
        private String chronology;
        private List<Victim> victims = new ArrayList<>();
        private List<Perpetrator> perpetrators = new ArrayList<>();
        private Incident incident;
        private List<String> services = new ArrayList<>();
        private Party sender;
        private Party destination;
        private Officer officer;

        private Builder() {}

        public Builder sourceCaseNumber(String value) {
            sourceCaseNumber = value;
            return this;
        }

        public Builder revision(int value) {
            revision = value;
            return this;
        }

        public Builder kind(ReferralKind value) {
            kind = value;
            return this;
        }

        public Builder urgency(Urgency value) {
            urgency = value;
            return this;
        }

        public Builder authoredOn(OffsetDateTime value) {
            authoredOn = value;
            return this;
        }

        public Builder intakeChannel(String value) {
            intakeChannel = value;
            return this;
        }

        public Builder reportingRegion(Region value) {
            reportingRegion = value;
            return this;
        }

        public Builder requestedDestination(Region value) {
            requestedDestination = value;
            return this;
        }

        public Builder identifiers(List<ExternalIdentifier> value) {
            identifiers = new ArrayList<>(value);
            return this;
        }

        public Builder identifier(ExternalIdentifier value) {
            identifiers.add(value);
            return this;
        }

        public Builder reason(String value) {
            reason = value;
            return this;
        }

        public Builder chronology(String value) {
            chronology = value;
            return this;
        }

        public Builder victims(List<Victim> value) {
            victims = new ArrayList<>(value);
            return this;
        }

        public Builder victim(Victim value) {
            victims.add(value);
            return this;
        }

        public Builder perpetrators(List<Perpetrator> value) {
            perpetrators = new ArrayList<>(value);
            return this;
        }

        public Builder perpetrator(Perpetrator value) {
            perpetrators.add(value);
            return this;
        }

        public Builder incident(Incident value) {
            incident = value;
            return this;
        }

        public Builder services(List<String> value) {
            services = new ArrayList<>(value);
            return this;
        }

        public Builder sender(Party value) {
            sender = value;
            return this;
        }

        public Builder destination(Party value) {
            destination = value;
            return this;
        }

        public Builder officer(Officer value) {
            officer = value;
            return this;
        }

        public Referral build() {
            return new Referral(
                    sourceCaseNumber,
                    revision,
                    kind,
                    urgency,
                    authoredOn,
                    intakeChannel,
                    reportingRegion,
                    requestedDestination,
                    identifiers,
                    reason,
                    chronology,
                    victims,
                    perpetrators,
                    incident,
                    services,
                    sender,
                    destination,
                    officer);
        }
    }
}
