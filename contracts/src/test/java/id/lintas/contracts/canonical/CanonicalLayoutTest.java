package id.lintas.contracts.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.testing.GeneratedReferrals;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** The layout names the entry the writer really writes each part at, for generated referrals of every shape. */
class CanonicalLayoutTest {

    private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)]\\.resource\\.");

    @Test
    void everyPathNamesTheEntryTheWriterWroteThatPartAt() {
        GeneratedReferrals generated = new GeneratedReferrals(23);
        for (int n = 0; n < 200; n++) {
            Referral referral = generated.next();
            Bundle bundle = CanonicalWriter.standard().write(referral);
            CanonicalLayout layout = CanonicalLayout.of(referral);

            assertThat(at(bundle, layout.task("authoredOn"))).isInstanceOf(Task.class);
            for (int s = 0; s < referral.services().size(); s++) {
                assertThat(at(bundle, layout.serviceRequest(s, "code"))).isInstanceOf(ServiceRequest.class);
            }
            for (int v = 0; v < referral.victims().size(); v++) {
                Victim victim = referral.victims().get(v);
                Resource patient = at(bundle, layout.victim(v, "birthDate"));
                assertThat(patient).isInstanceOf(Patient.class);
                assertThat(patient).isSameAs(Bundles.all(bundle, Patient.class).get(v));
                String patientUrl = Bundles.fullUrl(bundle, patient);
                for (String path : layout.conditions(v, "onset")) {
                    assertThat(((Condition) at(bundle, path)).getSubject().getReference())
                            .isEqualTo(patientUrl);
                }
                if (victim.consent() != null) {
                    assertThat(((Consent) at(bundle, layout.consent(v, "dateTime")))
                                    .getPatient()
                                    .getReference())
                            .isEqualTo(patientUrl);
                    if (!victim.consent().byVictim()) {
                        assertThat(((RelatedPerson) at(bundle, layout.consentGiver(v, "relationship")))
                                        .getPatient()
                                        .getReference())
                                .isEqualTo(patientUrl);
                    }
                }
            }
            for (int p = 0; p < referral.perpetrators().size(); p++) {
                assertThat(CanonicalReader.isPerpetrator((RelatedPerson) at(bundle, layout.perpetrator(p, "name"))))
                        .isTrue();
            }
            assertThat(CanonicalReader.participantId((Organization) at(bundle, layout.sender("identifier"))))
                    .isEqualTo(referral.sender().participantId());
            if (referral.officer() != null) {
                assertThat(at(bundle, layout.officer("name"))).isInstanceOf(Practitioner.class);
            }
        }
    }

    private static Resource at(Bundle bundle, String path) {
        Matcher matcher = ENTRY.matcher(path);
        assertThat(matcher.find()).as(path).isTrue();
        return bundle.getEntry().get(Integer.parseInt(matcher.group(1))).getResource();
    }
}
