package id.lintas.adapter.ppu;

import id.lintas.contracts.canonical.CanonicalWriter;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.Officer;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.model.Perpetrator;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.ReferralKind;
import id.lintas.contracts.model.Urgency;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.terminology.Terminology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The typed referral of one case from its checked rows (one row per victim), which {@link CanonicalWriter}
 * writes as the canonical Bundle. Stateless; the mappers of the victim, incident, perpetrator and consent
 * columns do the per-part work.
 */
final class ReferralMapper {

    private final RegionTable regions;
    private final CanonicalWriter canonical;
    private final PatientMapper patients = new PatientMapper();
    private final ConditionMapper conditions = new ConditionMapper();
    private final PerpetratorMapper perpetrators = new PerpetratorMapper();
    private final ConsentMapper consents = new ConsentMapper();

    ReferralMapper(Terminology terminology, RegionTable regions) {
        this.regions = regions;
        this.canonical = new CanonicalWriter(terminology);
    }

    /** @param rows the case's rows, all without errors and consistent in their case-level columns */
    CanonicalReferral toReferral(String noRegistrasi, List<RujukanRow> rows, Participant sender) {
        RujukanRow.Referral first = rows.get(0).referral();
        Region senderRegion = regions.byKemendagri(sender.regionKemendagri()).orElse(null);
        Incident incident = conditions.toIncident(rows.get(0).incident());
        List<Victim> victims = new ArrayList<>();
        for (RujukanRow row : rows) {
            // Each row says what happened to its victim; one that differs from the first row's is the victim's own.
            Incident own = conditions.toIncident(row.incident());
            victims.add(patients.toVictim(
                            row.victim(),
                            ConditionMapper.sensitive(row.incident()),
                            consents.toConsent(row.consent(), first.reportedAt()))
                    .withIncident(Objects.equals(own, incident) ? null : own));
        }
        // PPU repeats one perpetrator on every victim's row: the same person typed alike is one person.
        Map<String, Perpetrator> distinct = new LinkedHashMap<>();
        rows.stream()
                .map(RujukanRow::perpetrator)
                .filter(Objects::nonNull)
                .forEach(p -> distinct.putIfAbsent(p.key(), perpetrators.toPerpetrator(p)));
        Referral referral = Referral.builder()
                .sourceCaseNumber(noRegistrasi)
                // PPU's layout has no revision: a corrected case is sent again with the same number.
                .revision(1)
                .kind(ReferralKind.valueOf(first.kind().getCode()))
                .urgency(Urgency.valueOf(first.urgency().getCode()))
                .authoredOn(first.reportedAt().toOffsetDateTime())
                .reportingRegion(senderRegion)
                .requestedDestination(first.destination())
                .chronology(first.chronology())
                .victims(victims)
                .perpetrators(List.copyOf(distinct.values()))
                .incident(incident)
                .services(services(rows))
                .sender(new Party(sender.id(), sender.organisationName(), senderRegion))
                .officer(first.officer() == null ? null : new Officer(null, first.officer(), null))
                .build();
        return canonical.canonicalReferral(referral);
    }

    /** The services of every row, each once, in the order first named: a service one victim needs is the case's. */
    private static List<String> services(List<RujukanRow> rows) {
        Set<String> distinct = new LinkedHashSet<>();
        rows.forEach(r -> r.referral().services().forEach(s -> distinct.add(s.getCode())));
        return List.copyOf(distinct);
    }
}
