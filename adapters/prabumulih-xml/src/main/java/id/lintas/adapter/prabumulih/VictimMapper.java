package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.IndonesianNumbers;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.region.Region;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;
import org.w3c.dom.Element;

/** {@code <klien>}: one canonical {@code Patient} (profile lintas-victim) per victim. */
final class VictimMapper {

    /** SATUSEHAT citizenship codes: a fixed pair of the format, not one of Prabumulih's code lists. */
    private static final Map<String, String> CITIZENSHIP =
            Map.of(PrabumulihFields.WNI, "I", PrabumulihFields.WNA, "A");

    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
    private static final int MAX_AGE = 130;
    private static final String EDUCATION_UNKNOWN = "TIDAK_DIKETAHUI";
    private static final String DISABILITY_MULTIPLE = "GANDA";
    static final String SDV_DISPLAY = "sexual and domestic violence related information sensitivity";

    private VictimMapper() {}

    /** Reads one victim; the Patient may be incomplete when the reader collected errors. */
    static Patient read(Element klien, String at, FieldReader in) {
        Patient patient = new Patient();
        Fhir.profile(patient, Canonical.PROFILE_VICTIM);

        String name = in.text(klien, at, PrabumulihFields.NAMA, REQUIRED);
        if (name != null) {
            patient.addName().setUse(HumanName.NameUse.OFFICIAL).setText(name);
        }
        String nik = in.text(klien, at, PrabumulihFields.NIK, OPTIONAL);
        if (nik != null) {
            if (IndonesianNumbers.isNik(nik)) {
                patient.addIdentifier(new Identifier().setSystem(Canonical.SID_NIK).setValue(nik));
            } else {
                in.error(FieldReader.path(at, PrabumulihFields.NIK),
                        "expected a NIK of 16 digits with a plausible birth date in it");
            }
        }
        Coding gender = in.code(klien, at, PrabumulihFields.JENIS_KELAMIN, PrabumulihFields.LIST_JENIS_KELAMIN, REQUIRED);
        if (gender != null) {
            patient.setGender(AdministrativeGender.fromCode(gender.getCode()));
        }
        readBirth(klien, at, in, patient);

        Coding education = in.code(klien, at, PrabumulihFields.PENDIDIKAN, PrabumulihFields.LIST_PENDIDIKAN, OPTIONAL);
        if (education != null) {
            patient.addExtension(Canonical.EXT_EDUCATION, education);
        }
        // An empty <disabilitas/> says the victim has none, as an absent one does.
        Coding disability =
                in.code(klien, at, PrabumulihFields.DISABILITAS, PrabumulihFields.LIST_DISABILITAS, OPTIONAL);
        if (disability != null) {
            patient.addExtension(Canonical.EXT_DISABILITY, disability);
        }
        String nationality = in.text(klien, at, PrabumulihFields.KEWARGANEGARAAN, REQUIRED);
        if (nationality != null) {
            String code = CITIZENSHIP.get(nationality);
            if (code != null) {
                patient.addExtension(Canonical.EXT_CITIZENSHIP, new CodeType(code));
            } else {
                in.error(FieldReader.path(at, PrabumulihFields.KEWARGANEGARAAN), "expected WNI or WNA");
            }
        }
        String phone = in.phone(klien, at, PrabumulihFields.NO_TELP, OPTIONAL);
        if (phone != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        }
        readAddress(klien, at, in, patient);
        return patient;
    }

    private static void readBirth(Element klien, String at, FieldReader in, Patient patient) {
        if (FieldReader.has(klien, PrabumulihFields.TANGGAL_LAHIR)) {
            LocalDate birthDate = in.date(klien, at, PrabumulihFields.TANGGAL_LAHIR, REQUIRED);
            if (birthDate != null) {
                patient.setBirthDateElement(new DateType(birthDate.toString()));
            }
        } else if (FieldReader.has(klien, PrabumulihFields.UMUR)) {
            Integer age = in.integer(klien, at, PrabumulihFields.UMUR, REQUIRED, 0, MAX_AGE);
            if (age != null) {
                patient.addExtension(Fhir.age(age));
            }
        } else {
            in.error(FieldReader.path(at, PrabumulihFields.TANGGAL_LAHIR),
                    "required (or umur when the birth date is unknown)");
        }
    }

    private static void readAddress(Element klien, String at, FieldReader in, Patient patient) {
        Element address = in.element(klien, at, PrabumulihFields.ALAMAT, REQUIRED);
        if (address == null) {
            return;
        }
        String addressAt = FieldReader.path(at, PrabumulihFields.ALAMAT);
        String kotkab = in.attribute(address, addressAt, PrabumulihFields.KOTKAB, REQUIRED);
        Region domicile = in.region(kotkab, FieldReader.attributePath(addressAt, PrabumulihFields.KOTKAB));
        String district = in.attribute(address, addressAt, PrabumulihFields.KECAMATAN, OPTIONAL);
        if (district != null && (!DISTRICT.matcher(district).matches() || kotkab == null || !district.startsWith(kotkab))) {
            in.error(FieldReader.attributePath(addressAt, PrabumulihFields.KECAMATAN),
                    "expected a Kemendagri district code without dots in the region of kotkab (6 digits that start with it)");
            district = null;
        }
        String street = address.getTextContent().trim();
        Address home = patient.addAddress().setUse(Address.AddressUse.HOME);
        if (!street.isEmpty()) {
            home.addLine(street);
        }
        if (domicile != null) {
            home.addExtension(Fhir.administrativeCode(domicile, domicile.isProvince() ? null : district));
        }
    }

    /** Labels a victim's record as sexual/domestic-violence information (HL7 v3 SDV). */
    static void labelSensitive(Patient patient) {
        patient.getMeta().addSecurity(new Coding(Canonical.V3_ACT_CODE, Canonical.SENSITIVITY_SDV, SDV_DISPLAY));
    }

    /** The victims in the Task's order, then any the Task does not name. */
    static List<Patient> victims(Bundle bundle, Task task) {
        List<Patient> victims = new ArrayList<>();
        for (Task.ParameterComponent input : task.getInput()) {
            if (isInput(input, Canonical.TASK_INPUT_VICTIM) && input.getValue() instanceof Reference reference) {
                Bundles.resolve(bundle, reference, Patient.class)
                        .filter(p -> !victims.contains(p))
                        .ifPresent(victims::add);
            }
        }
        Bundles.all(bundle, Patient.class).stream().filter(p -> !victims.contains(p)).forEach(victims::add);
        return victims;
    }

    static boolean isInput(Task.ParameterComponent input, String code) {
        return Fhir.coding(input.getType(), Canonical.CS_TASK_INPUT)
                .map(c -> code.equals(c.getCode()))
                .orElse(false);
    }

    /** Renders one victim as a {@code <klien>} of {@code kasus}, with only what the bundle holds. */
    static void write(Patient patient, String at, RenderContext out, Element kasus) {
        Element klien = XmlDocuments.add(kasus, PrabumulihFields.KLIEN);
        if (patient.hasName() && patient.getNameFirstRep().hasText()) {
            XmlDocuments.addText(klien, PrabumulihFields.NAMA, patient.getNameFirstRep().getText());
        }
        patient.getIdentifier().stream()
                .filter(id -> Canonical.SID_NIK.equals(id.getSystem()) && id.hasValue())
                .findFirst()
                .ifPresent(id -> XmlDocuments.addText(klien, PrabumulihFields.NIK, id.getValue()));
        if (patient.hasGender()) {
            XmlDocuments.addText(klien, PrabumulihFields.JENIS_KELAMIN, out.code(PrabumulihFields.LIST_JENIS_KELAMIN,
                    new Coding(Fhir.ADMINISTRATIVE_GENDER, patient.getGender().toCode(), null),
                    FieldReader.path(at, PrabumulihFields.JENIS_KELAMIN)));
        }
        writeBirth(patient, at, out, klien);
        Fhir.extensionCoding(patient, Canonical.EXT_EDUCATION)
                // Prabumulih has no code for unknown education: it says so by leaving the element out.
                .filter(education -> !EDUCATION_UNKNOWN.equals(education.getCode()))
                .ifPresent(education -> XmlDocuments.addText(klien, PrabumulihFields.PENDIDIKAN, out.code(
                        PrabumulihFields.LIST_PENDIDIKAN, education, FieldReader.path(at, PrabumulihFields.PENDIDIKAN))));
        writeDisability(patient, at, out, klien);
        Fhir.extensionValue(patient, Canonical.EXT_CITIZENSHIP, CodeType.class).ifPresent(citizenship -> {
            Optional<String> nationality = CITIZENSHIP.entrySet().stream()
                    .filter(e -> e.getValue().equals(citizenship.getValue()))
                    .map(Map.Entry::getKey)
                    .findFirst();
            if (nationality.isPresent()) {
                XmlDocuments.addText(klien, PrabumulihFields.KEWARGANEGARAAN, nationality.get());
            } else {
                out.error(FieldReader.path(at, PrabumulihFields.KEWARGANEGARAAN),
                        "citizenship code '" + citizenship.getValue() + "' is neither I nor A");
            }
        });
        // E.164 is one of the two forms Prabumulih accepts (+62... or 08...).
        patient.getTelecom().stream()
                .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE && t.hasValue())
                .findFirst()
                .ifPresent(t -> XmlDocuments.addText(klien, PrabumulihFields.NO_TELP, t.getValue()));
        writeAddress(patient, at, out, klien);
    }

    private static void writeBirth(Patient patient, String at, RenderContext out, Element klien) {
        Optional<Integer> age = Fhir.ageYears(patient);
        if (patient.hasBirthDateElement()) {
            boolean partial = patient.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY;
            if (!partial || age.isEmpty()) {
                XmlDocuments.addText(klien, PrabumulihFields.TANGGAL_LAHIR, PrabumulihFormats.date(out, 
                        patient.getBirthDateElement(), FieldReader.path(at, PrabumulihFields.TANGGAL_LAHIR)));
                return;
            }
        }
        // Prabumulih takes an age when the full birth date is not known.
        age.ifPresent(years -> XmlDocuments.addText(klien, PrabumulihFields.UMUR, String.valueOf(years)));
    }

    private static void writeDisability(Patient patient, String at, RenderContext out, Element klien) {
        List<Coding> kinds = new ArrayList<>();
        for (Extension extension : patient.getExtensionsByUrl(Canonical.EXT_DISABILITY)) {
            Type value = extension.getValue();
            if (value instanceof Coding coding && kinds.stream().noneMatch(k -> k.getCode().equals(coding.getCode()))) {
                kinds.add(coding);
            }
        }
        // The model says an absent disability extension means none; Prabumulih says it with an empty element.
        if (kinds.isEmpty()) {
            XmlDocuments.add(klien, PrabumulihFields.DISABILITAS);
            return;
        }
        // Prabumulih names one kind; several kinds together are what UU 8/2016 calls multiple (ganda).
        Coding kind = kinds.size() == 1 ? kinds.get(0) : new Coding(Canonical.CS_DISABILITY, DISABILITY_MULTIPLE, null);
        XmlDocuments.addText(klien, PrabumulihFields.DISABILITAS, out.code(
                PrabumulihFields.LIST_DISABILITAS, kind, FieldReader.path(at, PrabumulihFields.DISABILITAS)));
    }

    private static void writeAddress(Patient patient, String at, RenderContext out, Element klien) {
        if (!patient.hasAddress()) {
            return;
        }
        Address home = patient.getAddress().stream()
                .filter(a -> a.getUse() == Address.AddressUse.HOME)
                .findFirst()
                .orElse(patient.getAddressFirstRep());
        String addressAt = FieldReader.path(at, PrabumulihFields.ALAMAT);
        String kotkab = Fhir.administrativeCode(home)
                .map(code -> PrabumulihFormats.compact(out, code, FieldReader.attributePath(addressAt, PrabumulihFields.KOTKAB)))
                .orElse(null);
        String street = home.hasLine() ? home.getLine().get(0).getValue() : null;
        if (kotkab == null && street == null) {
            return;
        }
        Element address = XmlDocuments.add(klien, PrabumulihFields.ALAMAT);
        XmlDocuments.attribute(address, PrabumulihFields.KOTKAB, kotkab);
        if (kotkab != null) {
            Fhir.district(home)
                    .filter(district -> district.startsWith(kotkab))
                    .ifPresent(district -> XmlDocuments.attribute(address, PrabumulihFields.KECAMATAN, district));
        }
        if (street != null) {
            address.setTextContent(street);
        }
    }
}
