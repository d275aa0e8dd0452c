package id.lintas.adapter.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.canonical.CanonicalWriter;
import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.Gender;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.ReferralKind;
import id.lintas.contracts.model.Urgency;
import id.lintas.contracts.model.Victim;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** Jakarta's one Condition per victim carries that victim's own forms and onset when they differ from the first's. */
class JakartaIncidentPerVictimTest {

    @Test
    void eachVictimsConditionHasItsOwnForms() throws Exception {
        Incident beaten = new Incident(List.of("FISIK"), PartialDateTime.of(LocalDate.of(2025, 8, 2)), null, null);
        Incident abused = new Incident(List.of("SEKSUAL"), PartialDateTime.of(LocalDate.of(2025, 8, 3)), null, null);
        Consent consent = new Consent(true, Consent.CONSENT, null, PartialDateTime.of(LocalDate.of(2025, 8, 4)));
        Referral referral = Referral.builder()
                .sourceCaseNumber("KKR/2025/0999")
                .kind(ReferralKind.RUJUKAN)
                .urgency(Urgency.SEDANG)
                .authoredOn(OffsetDateTime.parse("2025-08-04T09:00:00+08:00"))
                .sender(Party.of(JakartaSamples.KUKAR))
                .services(List.of("PSIKOLOGIS"))
                .incident(beaten)
                .victim(victim(Gender.FEMALE, consent, null))
                .victim(victim(Gender.MALE, consent, abused))
                .build();
        Bundle canonical = CanonicalWriter.standard().write(referral);

        Bundle transaction = JakartaSamples.parse(JakartaSamples.ADAPTER
                .renderReferral(
                        CanonicalReader.standard().outbound("hub-0999", JakartaSamples.KUKAR, canonical),
                        JakartaSamples.JAKARTA)
                .content());

        List<String> patients = transaction.getEntry().stream()
                .filter(e -> e.getResource() instanceof Patient)
                .map(Bundle.BundleEntryComponent::getFullUrl)
                .toList();
        List<Condition> conditions = transaction.getEntry().stream()
                .filter(e -> e.getResource() instanceof Condition)
                .map(e -> (Condition) e.getResource())
                .toList();
        assertThat(conditions).hasSize(2);
        assertThat(conditions).extracting(c -> c.getSubject().getReference()).containsExactlyElementsOf(patients);
        assertThat(conditions)
                .extracting(c ->
                        c.getCode().getCoding().stream().map(Coding::getCode).toList())
                .containsExactly(List.of("KF"), List.of("KS"));
        assertThat(conditions)
                .extracting(c -> c.getOnsetDateTimeType().getValueAsString())
                .containsExactly("2025-08-02", "2025-08-03");
    }

    private static Victim victim(Gender gender, Consent consent, Incident own) {
        return new Victim(
                null, "Korban", gender, null, 20, null, null, null, null, null, null, List.of(), null, false, consent,
                own);
    }
}
