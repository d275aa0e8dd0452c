package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.CanonicalWriter;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.model.Perpetrator;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;

/**
 * A Jakarta {@code rujukan-baru} message to the typed referral, which {@link CanonicalWriter} writes as
 * the canonical Bundle. The readers of each of Jakarta's resources collect every error; the referral is
 * built only from a message that has none.
 */
final class ReferralReader {

    /** Relationships that make a case domestic violence (UU 23/2004 PKDRT): the victim's record is labelled SDV. */
    private static final Set<String> HOUSEHOLD = Set.of("ORANG_TUA", "KELUARGA", "PASANGAN");

    private final RegionTable regions;
    private final CanonicalWriter canonical;
    private final TaskReader tasks;
    private final PatientReader patients;
    private final ConditionReader conditions;
    private final PerpetratorReader perpetrators;
    private final ConsentReader consents = new ConsentReader();

    ReferralReader(Codes codes, RegionTable regions) {
        this.regions = regions;
        this.canonical = new CanonicalWriter(codes.terminology());
        this.tasks = new TaskReader(codes, regions);
        this.patients = new PatientReader(regions);
        this.conditions = new ConditionReader(codes, regions);
        this.perpetrators = new PerpetratorReader(codes);
    }

    CanonicalReferral read(MessageParser.Message message, Participant sender) throws TranslationException {
        Inbound in = new Inbound(message, sender);
        Region senderRegion = regions.byKemendagri(sender.regionKemendagri()).orElse(null);
        Referral.Builder referral = Referral.builder()
                .sender(new Party(sender.id(), sender.organisationName(), senderRegion))
                .reportingRegion(senderRegion);
        tasks.read(in, referral);
        referral.services(tasks.services(in));
        List<Patient> jakartaVictims = patients.victims(in);
        List<Victim> victims = new ArrayList<>();
        for (Patient patient : jakartaVictims) {
            victims.add(patients.read(patient, in.errors()));
        }
        ConditionReader.Incidents incidents = conditions.read(in, jakartaVictims);
        List<Perpetrator> perpetratorList = perpetrators.read(in);
        for (ConsentReader.Answer answer : consents.read(in, jakartaVictims)) {
            int victim = jakartaVictims.indexOf(answer.victim());
            if (victims.get(victim).consent() == null) {
                victims.set(victim, victims.get(victim).withConsent(answer.consent()));
            }
        }
        tasks.destination(in).ifPresent(referral::requestedDestination);
        in.errors().throwIfAny();
        if (victims.isEmpty()) {
            throw new TranslationException("Task.for", "required: the victim (a Patient in the Bundle)");
        }
        // The first victim's incident is the referral's; another victim's that differs is its own.
        Incident incident = incidents.byVictim().get(jakartaVictims.get(0));
        for (int i = 0; i < victims.size(); i++) {
            Incident own = incidents.byVictim().get(jakartaVictims.get(i));
            victims.set(i, victims.get(i).withIncident(Objects.equals(own, incident) ? null : own));
        }
        // Jakarta sends no place: a household perpetrator makes the case domestic violence.
        boolean sensitive =
                incidents.byVictim().values().stream().anyMatch(f -> f.forms().contains(Incident.SEXUAL))
                        || perpetratorList.stream()
                                .anyMatch(p -> p.relationship() != null && HOUSEHOLD.contains(p.relationship()));
        return canonical.canonicalReferral(referral.victims(
                        victims.stream().map(v -> v.withSensitive(sensitive)).toList())
                .perpetrators(perpetratorList)
                .incident(incident)
                .chronology(incidents.chronology().isEmpty() ? null : String.join("\n\n", incidents.chronology()))
                .build());
    }
}
