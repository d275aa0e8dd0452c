package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.IndonesianNumbers;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/** {@code petugas}: the sending officer as a canonical {@code Practitioner}. */
final class OfficerMapper {

    private OfficerMapper() {}

    static Practitioner read(JsonNode root, FieldReader in) {
        JsonNode officer = in.object(root, "", KukarFields.PETUGAS, REQUIRED);
        if (officer == null) {
            return null;
        }
        String at = KukarFields.PETUGAS;
        Practitioner practitioner = new Practitioner();
        String nip = in.text(officer, at, KukarFields.NIP, REQUIRED);
        if (nip != null) {
            if (IndonesianNumbers.isNip(nip)) {
                practitioner.addIdentifier(new Identifier().setSystem(Canonical.SID_NIP).setValue(nip));
            } else {
                in.error(FieldReader.path(at, KukarFields.NIP), "expected a NIP of 18 digits");
            }
        }
        String name = in.text(officer, at, KukarFields.NAMA, REQUIRED);
        if (name != null) {
            practitioner.addName().setText(name);
        }
        String phone = in.phone(officer, at, KukarFields.TELP, OPTIONAL);
        if (phone != null) {
            practitioner.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        }
        return practitioner;
    }

    /** The officer the Task names, else the bundle's only Practitioner; empty when not to be shown. */
    static Optional<ObjectNode> write(Bundle bundle, Task task) {
        Optional<Practitioner> officer = task.getInput().stream()
                .filter(input -> VictimMapper.isInput(input, Canonical.TASK_INPUT_OFFICER))
                .map(input -> input.getValue() instanceof Reference r ? r : null)
                .map(r -> Bundles.resolve(bundle, r, Practitioner.class))
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> Bundles.first(bundle, Practitioner.class));
        if (officer.isEmpty()) {
            return Optional.empty();
        }
        Practitioner practitioner = officer.get();
        ObjectNode json = KukarJson.object();
        if (practitioner.hasName() && practitioner.getNameFirstRep().hasText()) {
            json.put(KukarFields.NAMA, practitioner.getNameFirstRep().getText());
        }
        practitioner.getIdentifier().stream()
                .filter(id -> Canonical.SID_NIP.equals(id.getSystem()) && id.hasValue())
                .findFirst()
                .ifPresent(id -> json.put(KukarFields.NIP, id.getValue()));
        practitioner.getTelecom().stream()
                .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE && t.hasValue())
                .findFirst()
                .ifPresent(t -> json.put(KukarFields.TELP, IndonesianNumbers.toNational(t.getValue())));
        return json.isEmpty() ? Optional.empty() : Optional.of(json);
    }
}
