package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Canonical;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * A victim as Jakarta's Patient, created only if Jakarta has no Patient with her NIK yet (a conditional
 * create), with SATUSEHAT's NIK, citizenship and administrativeCode address.
 */
final class PatientWriter {

    void write(Outbound out, Patient source) {
        Patient patient = new Patient();
        source.getMeta().getSecurity().forEach(s -> patient.getMeta().addSecurity(s.copy()));
        Fhir.extensionValue(source, Canonical.EXT_CITIZENSHIP, CodeType.class)
                .ifPresent(code -> patient.addExtension(Canonical.EXT_CITIZENSHIP, code.copy()));
        Optional<String> nik = source.getIdentifier().stream()
                .filter(id -> Canonical.SID_NIK.equals(id.getSystem()) && id.hasValue())
                .map(Identifier::getValue)
                .findFirst();
        nik.ifPresent(value -> patient.addIdentifier(new Identifier()
                .setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(Canonical.SID_NIK).setValue(value)));
        source.getName().stream().filter(HumanName::hasText).findFirst()
                .ifPresent(name -> patient.addName().setUse(HumanName.NameUse.OFFICIAL).setText(name.getText()));
        source.getTelecom().stream()
                .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE && t.hasValue())
                .forEach(t -> patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE)
                        .setValue(t.getValue()).setUse(ContactPoint.ContactPointUse.MOBILE));
        if (source.hasGender()) {
            patient.setGender(source.getGender());
        }
        if (source.hasBirthDateElement()) {
            patient.setBirthDateElement(source.getBirthDateElement().copy());
        }
        for (Address address : source.getAddress()) {
            Address rendered = new Address();
            if (address.hasUse()) {
                rendered.setUse(address.getUse());
            }
            address.getLine().forEach(line -> rendered.addLine(line.getValue()));
            Extension code = address.getExtensionByUrl(Canonical.EXT_ADMINISTRATIVE_CODE);
            if (code != null) {
                rendered.setCountry("ID");
                rendered.addExtension(code.copy());
            }
            if (rendered.hasLine() || rendered.hasExtension()) {
                patient.addAddress(rendered);
            }
        }
        Bundle.BundleEntryComponent entry = out.transaction().post(out.url(source), patient);
        // Jakarta may know the victim already: create her only if no Patient has this NIK.
        nik.ifPresent(value -> entry.getRequest().setIfNoneExist("identifier=" + Canonical.SID_NIK + "|" + value));
    }
}
