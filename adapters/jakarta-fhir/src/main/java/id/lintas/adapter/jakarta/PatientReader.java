package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.model.Citizenship;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        Bundles.all(in.bundle(), Patient.class).stream()
                .filter(p -> !patients.contains(p))
                .forEach(patients::add);
        return patients;
    }

    /** The victim, without her consent and sensitivity, which the referral decides. */
    Victim read(Patient source, Errors errors) {
        String nik = null;
        for (Identifier id : source.getIdentifier()) {
            if (JakartaFhir.SID_NIK.equals(id.getSystem()) && id.hasValue()) {
                if (NIK.matcher(id.getValue().trim()).matches()) {
                    nik = nik == null ? id.getValue().trim() : nik;
                } else {
                    errors.add("Patient.identifier", "a NIK has 16 digits");
                }
            }
        }
        String name = source.getName().stream()
                .map(PatientReader::nameText)
                .filter(n -> !n.isBlank())
                .findFirst()
                .orElse(null);
        if (name == null) {
            errors.add("Patient.name", "required: the victim's name");
        }
        if (!source.hasGender()) {
            errors.add("Patient.gender", "required: male or female");
        }
        PartialDateTime birthDate = source.hasBirthDateElement()
                ? Fhir.partial(source.getBirthDateElement(), "Patient.birthDate", errors)
                : null;
        Citizenship citizenship = Fhir.extensionValue(source, JakartaFhir.EXT_CITIZENSHIP, CodeType.class)
                .map(code -> {
                    Citizenship known = Citizenship.ofCode(code.getValue());
                    if (known == null) {
                        errors.add(
                                Fhir.extensionPath("Patient", JakartaFhir.EXT_CITIZENSHIP),
                                "expected I (WNI) or A (WNA)");
                    }
                    return known;
                })
                .orElse(null);
        String phone = null;
        for (int i = 0; i < source.getTelecom().size(); i++) {
            ContactPoint telecom = source.getTelecom().get(i);
            if (telecom.getSystem() != ContactPoint.ContactPointSystem.PHONE || !telecom.hasValue()) {
                continue;
            }
            String number = telecom.getValue().replaceAll("[\\s-]", "");
            if (LOCAL_PHONE.matcher(number).matches()) {
                number = "+62" + number.substring(1);
            }
            if (E164.matcher(number).matches()) {
                phone = phone == null ? number : phone;
            } else {
                errors.add("Patient.telecom[" + i + "].value", "expected a phone number (+62... or 08...)");
            }
        }
        Home home = home(source, errors);
        return new Victim(
                nik,
                name,
                Fhir.gender(source.getGender()),
                birthDate,
                null,
                phone,
                home.line(),
                home.region(),
                home.district(),
                citizenship,
                null,
                List.of(),
                null,
                false,
                null);
    }

    private record Home(String line, Region region, String district) {}

    private Home home(Patient source, Errors errors) {
        if (!source.hasAddress()) {
            return new Home(null, null, null);
        }
        Address home = source.getAddress().stream()
                .filter(a -> a.getUse() == Address.AddressUse.HOME)
                .findFirst()
                .orElse(source.getAddressFirstRep());
        int index = source.getAddress().indexOf(home);
        String at = "Patient.address[" + index + "].extension('" + JakartaFhir.EXT_ADMINISTRATIVE_CODE + "')";
        Optional<String> city = Fhir.subExtension(home, JakartaFhir.CITY);
        Optional<String> province = Fhir.subExtension(home, JakartaFhir.PROVINCE);
        Region region = null;
        if (city.isPresent()) {
            region = regions.byKemendagriCompact(city.get())
                    .filter(r -> !r.isProvince())
                    .orElse(null);
            if (region == null) {
                errors.add(
                        at + ".extension('city').value", "unknown Kemendagri regency/city code '" + city.get() + "'");
            }
        } else if (province.isPresent()) {
            region = regions.byKemendagriCompact(province.get())
                    .filter(Region::isProvince)
                    .orElse(null);
            if (region == null) {
                errors.add(
                        at + ".extension('province').value",
                        "unknown Kemendagri province code '" + province.get() + "'");
            }
        }
        String line = home.hasLine() ? home.getLine().get(0).getValue() : null;
        String district = Fhir.subExtension(home, JakartaFhir.DISTRICT).orElse(null);
        boolean inRegion = region != null
                && !region.isProvince()
                && district != null
                && district.startsWith(region.kemendagriCompact());
        return new Home(line, region, inRegion ? district : null);
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
