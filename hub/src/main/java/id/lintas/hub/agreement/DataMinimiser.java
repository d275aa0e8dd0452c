package id.lintas.hub.agreement;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Cuts a canonical referral down to what one receiver may see under its grant: data categories it
 * was not granted are absent from the copy it receives (not blanked, absent), and only the services
 * asked of it remain. Region codes stay, since they are what the referral is about.
 */
public final class DataMinimiser {

    private DataMinimiser() {}

    /** A reduced copy; the original is left as it is. */
    public static Bundle reduce(Bundle original, Collection<DataCategory> granted, Collection<String> services) {
        Bundle bundle = original.copy();
        Set<DataCategory> data = granted.isEmpty() ? Set.of() : Set.copyOf(granted);
        Set<Resource> removed = new HashSet<>();
        Task task = Bundles.task(bundle);

        for (ServiceRequest request : Bundles.all(bundle, ServiceRequest.class)) {
            boolean asked = data.contains(DataCategory.SERVICES) && request.getCode().getCoding().stream()
                    .anyMatch(c -> Canonical.CS_SERVICE.equals(c.getSystem()) && services.contains(c.getCode()));
            if (!asked) {
                removed.add(request);
            }
        }
        if (!data.contains(DataCategory.CHRONOLOGY)) {
            task.setNote(List.of());
            Bundles.all(bundle, Condition.class).forEach(c -> c.setNote(List.of()));
        }
        if (!data.contains(DataCategory.PERPETRATOR)) {
            Bundles.all(bundle, RelatedPerson.class).stream().filter(CaseProfile::isPerpetrator).forEach(removed::add);
        }
        if (!data.contains(DataCategory.VIOLENCE)) {
            removed.addAll(Bundles.all(bundle, Condition.class));
        }
        for (Patient patient : Bundles.all(bundle, Patient.class)) {
            if (!data.contains(DataCategory.CONTACT)) {
                patient.setTelecom(List.of());
                patient.getAddress().forEach(a -> {
                    a.setLine(List.of());
                    a.setText(null);
                    a.setPostalCode(null);
                });
            }
            if (!data.contains(DataCategory.IDENTITY)) {
                patient.setIdentifier(List.of());
                patient.setName(List.of());
                patient.setBirthDate(null);
                patient.getExtension().removeIf(e -> !Canonical.EXT_AGE.equals(e.getUrl()));
            }
        }
        Set<String> removedUrls = new HashSet<>();
        bundle.getEntry().removeIf(entry -> {
            if (removed.contains(entry.getResource())) {
                removedUrls.add(entry.getFullUrl());
                return true;
            }
            return false;
        });
        task.getBasedOn().removeIf(reference -> removedUrls.contains(reference.getReference()));
        return bundle;
    }
}
