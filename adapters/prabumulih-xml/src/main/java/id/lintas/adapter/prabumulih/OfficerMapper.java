package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.IndonesianNumbers;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.w3c.dom.Element;

/**
 * {@code <petugas>}: the sending officer as a canonical {@code Practitioner}. Its {@code unit} is
 * the sending organisation's service unit, which the model keys on the participant instead.
 */
final class OfficerMapper {

    private static final String AT = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.PETUGAS);

    private OfficerMapper() {}

    static Practitioner read(Element root, FieldReader in) {
        Element officer = in.element(root, TaskMapper.ROOT, PrabumulihFields.PETUGAS, REQUIRED);
        if (officer == null) {
            return null;
        }
        Practitioner practitioner = new Practitioner();
        String nip = in.attribute(officer, AT, PrabumulihFields.NIP, REQUIRED);
        if (nip != null) {
            if (IndonesianNumbers.isNip(nip)) {
                practitioner.addIdentifier(new Identifier().setSystem(Canonical.SID_NIP).setValue(nip));
            } else {
                in.error(FieldReader.attributePath(AT, PrabumulihFields.NIP), "expected a NIP of 18 digits");
            }
        }
        String name = in.attribute(officer, AT, PrabumulihFields.NAMA, REQUIRED);
        if (name != null) {
            practitioner.addName().setText(name);
        }
        return practitioner;
    }

    /**
     * The officer the Task names, else the bundle's only Practitioner, with the sending
     * organisation as the unit; nothing when the officer is not to be shown.
     */
    static void write(Bundle bundle, Task task, String senderOrganisation, Element kasus) {
        Optional<Practitioner> officer = task.getInput().stream()
                .filter(input -> VictimMapper.isInput(input, Canonical.TASK_INPUT_OFFICER))
                .map(input -> input.getValue() instanceof Reference r ? r : null)
                .map(r -> Bundles.resolve(bundle, r, Practitioner.class))
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> Bundles.first(bundle, Practitioner.class));
        if (officer.isEmpty()) {
            return;
        }
        Practitioner practitioner = officer.get();
        Element element = XmlDocuments.add(kasus, PrabumulihFields.PETUGAS);
        practitioner.getIdentifier().stream()
                .filter(id -> Canonical.SID_NIP.equals(id.getSystem()) && id.hasValue())
                .findFirst()
                .ifPresent(id -> XmlDocuments.attribute(element, PrabumulihFields.NIP, id.getValue()));
        if (practitioner.hasName() && practitioner.getNameFirstRep().hasText()) {
            XmlDocuments.attribute(element, PrabumulihFields.NAMA, practitioner.getNameFirstRep().getText());
        }
        XmlDocuments.attribute(element, PrabumulihFields.UNIT, senderOrganisation);
    }
}
