package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

/** Jakarta's Patients, the victims: NIK, name, gender, birth date, citizenship, phone and home address. */
final class PatientReader {

    private static final Pattern NIK = Pattern.compile("\\d{16}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern LOCAL_PHONE = Pattern.compile("0\\d{8,13}");
    private static final Set<String> CITIZENSHIP = Set.of("I", "A");

    private final RegionTable regions;

    PatientReader(RegionTable regions) {
        this.regions = regions;
    }

    /** The victims: Task.for first, then every other Patient of the message. */
    List<Patient> victims(Inbound in) {
        List<Patient> patients = new ArrayList<>();
        Optional<Patient> first = in.resolve(in.task().getFor(), Patient.class);
        if (first.isEmpty()) {
            in.errors().add("Task.for", "required: the victim (a Patient in the Bundle)");
        }
        first.ifPresent(patients::add);
        Bundles.all(in.bundle(), Patient.class).stream().filter(p -> !patients.contains(p)).forEach(patients::add);
        return patients;
    }

    Patient read(Patient source, Errors errors) {
        Patient patient = new Patient();
        Fhir.profile(patient, Canonical.PROFILE_VICTIM);
        for (Identifier id : source.getIdentifier()) {
            if (Canonical.SID_NIK.equals(id.getSystem()) && id.hasValue()) {
                if (NIK.matcher(id.getValue().trim()).matches()) {
                    patient.addIdentifier(new Identifier().setSystem(Canonical.SID_NIK).setValue(id.getValue().trim()));
                } else {
                    errors.add("Patient.identifier", "a NIK has 16 digits");
                }
            }
        }
        String name = source.getName().stream().map(PatientReader::nameText).filter(n -> !n.isBlank()).findFirst().orElse(null);
        if (name == null) {
            errors.add("Patient.name", "required: the victim's name");
        } else {
            patient.addName().setUse(HumanName.NameUse.OFFICIAL).setText(name);
        }
        if (!source.hasGender()) {
            errors.add("Patient.gender", "required: male or female");
        } else {
            patient.setGender(source.getGender());
        }
        if (source.hasBirthDateElement()) {
            patient.setBirthDateElement(source.getBirthDateElement().copy());
        }
        Fhir.extensionValue(source, Canonical.EXT_CITIZENSHIP, CodeType.class).ifPresent(code -> {
            if (CITIZENSHIP.contains(code.getValue())) {
                patient.addExtension(Canonical.EXT_CITIZENSHIP, new CodeType(code.getValue()));
            } else {
                errors.add(Fhir.extensionPath("Patient", Canonical.EXT_CITIZENSHIP), "expected I (WNI) or A (WNA)");
            }
        });
        for (int i = 0; i < source.getTelecom().size(); i++) {
            ContactPoint telecom = source.getTelecom().get(i);
            if (telecom.getSystem() != ContactPoint.ContactPointSystem.PHONE || !telecom.hasValue()) {
                continue;
            }
            String phone = telecom.getValue().replaceAll("[\\s-]", "");
            if (LOCAL_PHONE.matcher(phone).matches()) {
                phone = "+62" + phone.substring(1);
            }
            if (E164.matcher(phone).matches()) {
                if (!patient.hasTelecom()) {
                    patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
                }
            } else {
                errors.add("Patient.telecom[" + i + "].value", "expected a phone number (+62... or 08...)");
            }
        }
        address(source, patient, errors);
        return patient;
    }

    private void address(Patient source, Patient patient, Errors errors) {
        if (!source.hasAddress()) {
            return;
        }
        Address home = source.getAddress().stream()
                .filter(a -> a.getUse() == Address.AddressUse.HOME)
                .findFirst()
                .orElse(source.getAddressFirstRep());
        int index = source.getAddress().indexOf(home);
        String at = "Patient.address[" + index + "].extension('" + Canonical.EXT_ADMINISTRATIVE_CODE + "')";
        Optional<String> city = Fhir.subExtension(home, "city");
        Optional<String> province = Fhir.subExtension(home, "province");
        Region region = null;
        if (city.isPresent()) {
            region = regions.byKemendagriCompact(city.get()).filter(r -> !r.isProvince()).orElse(null);
            if (region == null) {
                errors.add(at + ".extension('city').value", "unknown Kemendagri regency/city code '" + city.get() + "'");
            }
        } else if (province.isPresent()) {
            region = regions.byKemendagriCompact(province.get()).filter(Region::isProvince).orElse(null);
            if (region == null) {
                errors.add(at + ".extension('province').value", "unknown Kemendagri province code '" + province.get() + "'");
            }
        }
        Address address = patient.addAddress().setUse(Address.AddressUse.HOME);
        if (home.hasLine()) {
            address.addLine(home.getLine().get(0).getValue());
        }
        if (region != null) {
            address.addExtension(Fhir.administrativeCode(region, Fhir.subExtension(home, JakartaFhir.DISTRICT).orElse(null)));
        }
    }

    /** A name as one text: Jakarta may send {@code text} or the parts. */
    static String nameText(HumanName name) {
        if (name.hasText()) {
            return name.getText().trim();
        }
        List<String> parts = new ArrayList<>();
        name.getGiven().stream().map(StringType::getValue).forEach(parts::add);
        if (name.hasFamily()) {
            parts.add(name.getFamily());
        }
        return String.join(" ", parts).trim();
    }
}
