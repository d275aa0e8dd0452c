package id.lintas.adapter.jakarta;

import id.lintas.contracts.model.Victim;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * A victim as Jakarta's Patient, created only if Jakarta has no Patient with her NIK yet (a conditional
 * create), with SATUSEHAT's NIK, citizenship and administrativeCode address.
 */
final class PatientWriter {

    void write(Outbound out, Victim victim, int index) {
        Patient patient = new Patient();
        if (victim.sensitive()) {
            patient.getMeta()
                    .addSecurity(new Coding(JakartaFhir.V3_ACT_CODE, JakartaFhir.SDV, JakartaFhir.SDV_DISPLAY));
        }
        if (victim.citizenship() != null) {
            patient.addExtension(
                    JakartaFhir.EXT_CITIZENSHIP,
                    new CodeType(victim.citizenship().code()));
        }
        if (victim.nik() != null) {
            patient.addIdentifier(new Identifier()
                    .setUse(Identifier.IdentifierUse.OFFICIAL)
                    .setSystem(JakartaFhir.SID_NIK)
                    .setValue(victim.nik()));
        }
        if (victim.name() != null) {
            patient.addName().setUse(HumanName.NameUse.OFFICIAL).setText(victim.name());
        }
        if (victim.phone() != null) {
            patient.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(victim.phone())
                    .setUse(ContactPoint.ContactPointUse.MOBILE);
        }
        patient.setGender(Fhir.gender(victim.gender()));
        if (victim.birthDate() != null) {
            patient.setBirthDateElement(new DateType(victim.birthDate().toString()));
        }
        if (victim.addressLine() != null || victim.domicile() != null) {
            Address address = patient.addAddress().setUse(Address.AddressUse.HOME);
            if (victim.addressLine() != null) {
                address.addLine(victim.addressLine());
            }
            if (victim.domicile() != null) {
                address.setCountry("ID");
                address.addExtension(Fhir.administrativeCode(victim.domicile(), victim.domicileDistrict()));
            }
        }
        Bundle.BundleEntryComponent entry = out.transaction().post(out.victimUrl(index), patient);
        // Jakarta may know the victim already: create her only if no Patient has this NIK.
        if (victim.nik() != null) {
            entry.getRequest().setIfNoneExist("identifier=" + JakartaFhir.SID_NIK + "|" + victim.nik());
        }
    }
}
