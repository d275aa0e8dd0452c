package id.lintas.contracts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.canonical.CanonicalReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/** What adapter tests look at in a canonical Bundle an adapter read: profiles, codes, regions, people, inputs. */
public final class CanonicalAssertions {

    private CanonicalAssertions() {}

    /** Every entry carries exactly the profile of its kind (a RelatedPerson: perpetrator or consent giver). */
    public static void assertProfiles(Bundle bundle) {
        Map<Class<?>, String> profiles = Map.of(
                Task.class, Canonical.PROFILE_REFERRAL,
                ServiceRequest.class, Canonical.PROFILE_SERVICE_REQUEST,
                Patient.class, Canonical.PROFILE_VICTIM,
                Condition.class, Canonical.PROFILE_VIOLENCE,
                Consent.class, Canonical.PROFILE_CONSENT);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            String expected = resource instanceof RelatedPerson person
                    ? (CanonicalReader.isPerpetrator(person)
                            ? Canonical.PROFILE_PERPETRATOR
                            : Canonical.PROFILE_CONSENT_GIVER)
                    : profiles.get(resource.getClass());
            if (expected != null) {
                assertThat(resource.getMeta().getProfile())
                        .extracting(p -> p.getValue())
                        .as(resource.fhirType())
                        .containsExactly(expected);
            }
        }
    }

    /** A coding as {@code system#code}. */
    public static String code(Coding coding) {
        return coding.getSystem() + "#" + coding.getCode();
    }

    /** The coding of an extension the resource must have, as {@code system#code}. */
    public static String extensionCode(DomainResource resource, String url) {
        Extension extension = resource.getExtensionByUrl(url);
        assertThat(extension).as(url).isNotNull();
        return code((Coding) extension.getValue());
    }

    /** The sub-extensions of the victim's first address's SATUSEHAT administrativeCode, by name. */
    public static Map<String, String> administrativeCode(Patient patient) {
        return patient.getAddressFirstRep().getExtensionByUrl(Canonical.EXT_ADMINISTRATIVE_CODE).getExtension().stream()
                .collect(Collectors.toMap(Extension::getUrl, e -> e.getValue().primitiveValue()));
    }

    public static List<RelatedPerson> perpetrators(Bundle bundle) {
        return Bundles.all(bundle, RelatedPerson.class).stream()
                .filter(CanonicalReader::isPerpetrator)
                .toList();
    }

    public static List<RelatedPerson> consentGivers(Bundle bundle) {
        return Bundles.all(bundle, RelatedPerson.class).stream()
                .filter(p -> !CanonicalReader.isPerpetrator(p))
                .toList();
    }

    /** The references of the Task's inputs of one type ({@code VICTIM}, {@code OFFICER}). */
    public static List<String> inputs(Task task, String type) {
        return task.getInput().stream()
                .filter(i -> type.equals(i.getType().getCodingFirstRep().getCode()))
                .map(i -> ((Reference) i.getValue()).getReference())
                .toList();
    }
}
