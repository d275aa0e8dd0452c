package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.IndonesianNumbers;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.region.Region;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;

/** {@code korban[]}: one canonical {@code Patient} (profile lintas-victim) per victim. */
final class VictimMapper {

    /** SATUSEHAT citizenship codes: a fixed pair of the format, not one of Kukar's code lists. */
    private static final Map<String, String> CITIZENSHIP = Map.of(KukarFields.WNI, "I", KukarFields.WNA, "A");

    private static final Set<String> YES_NO = orderedSet(KukarFields.YA, KukarFields.TIDAK);
    private static final Set<String> NATIONALITIES = orderedSet(KukarFields.WNI, KukarFields.WNA);
    private static final int MAX_AGE = 130;
    private static final String EDUCATION_UNKNOWN = "TIDAK_DIKETAHUI";
    private static final String DISABILITY_MULTIPLE = "GANDA";
    static final String SDV_DISPLAY = "sexual and domestic violence related information sensitivity";

    private VictimMapper() {}

    /** Reads one victim; the Patient may be incomplete when the reader collected errors. */
    static Patient read(JsonNode victim, String at, FieldReader in) {
        Patient patient = new Patient();
        Fhir.profile(patient, Canonical.PROFILE_VICTIM);

        String name = in.text(victim, at, KukarFields.NAMA, REQUIRED);
        if (name != null) {
            patient.addName().setUse(HumanName.NameUse.OFFICIAL).setText(name);
        }
        String nik = in.text(victim, at, KukarFields.NIK, OPTIONAL);
        if (nik != null) {
            if (IndonesianNumbers.isNik(nik)) {
                patient.addIdentifier(new Identifier().setSystem(Canonical.SID_NIK).setValue(nik));
            } else {
                in.error(FieldReader.path(at, KukarFields.NIK), "expected a NIK of 16 digits");
            }
        }
        Coding gender = in.code(victim, at, KukarFields.JENIS_KELAMIN, KukarFields.LIST_JENIS_KELAMIN, REQUIRED);
        if (gender != null) {
            patient.setGender(AdministrativeGender.fromCode(gender.getCode()));
        }
        readBirth(victim, at, in, patient);

        Coding education = in.code(victim, at, KukarFields.PENDIDIKAN, KukarFields.LIST_PENDIDIKAN, OPTIONAL);
        if (education != null) {
            patient.addExtension(Canonical.EXT_EDUCATION, education);
        }
        String occupation = in.text(victim, at, KukarFields.PEKERJAAN, OPTIONAL);
        if (occupation != null) {
            patient.addExtension(Canonical.EXT_OCCUPATION, new StringType(occupation));
        }
        readDisability(victim, at, in, patient);

        String nationality = in.oneOf(victim, at, KukarFields.KEWARGANEGARAAN, REQUIRED, NATIONALITIES);
        if (nationality != null) {
            patient.addExtension(Canonical.EXT_CITIZENSHIP, new CodeType(CITIZENSHIP.get(nationality)));
        }
        String phone = in.phone(victim, at, KukarFields.NO_HP, OPTIONAL);
        if (phone != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        }
        readAddress(victim, at, in, patient);
        return patient;
    }

    private static void readBirth(JsonNode victim, String at, FieldReader in, Patient patient) {
        boolean hasBirthDate = FieldReader.has(victim, KukarFields.TGL_LAHIR);
        boolean hasAge = FieldReader.has(victim, KukarFields.USIA);
        if (!hasBirthDate && !hasAge) {
            in.error(FieldReader.path(at, KukarFields.TGL_LAHIR), "required (or usia when the birth date is unknown)");
            return;
        }
        if (hasBirthDate) {
            // The model keeps the birth date when known; an age sent beside it adds nothing.
            LocalDate birthDate = in.date(victim, at, KukarFields.TGL_LAHIR, REQUIRED);
            if (birthDate != null) {
                patient.setBirthDateElement(new DateType(birthDate.toString()));
            }
            return;
        }
        Integer age = in.integer(victim, at, KukarFields.USIA, REQUIRED, 0, MAX_AGE);
        if (age != null) {
            patient.addExtension(Fhir.age(age));
        }
    }

    private static void readDisability(JsonNode victim, String at, FieldReader in, Patient patient) {
        String disabled = in.oneOf(victim, at, KukarFields.DISABILITAS, REQUIRED, YES_NO);
        boolean hasKind = FieldReader.has(victim, KukarFields.JENIS_DISABILITAS);
        if (KukarFields.YA.equals(disabled)) {
            Coding kind = in.code(
                    victim, at, KukarFields.JENIS_DISABILITAS, KukarFields.LIST_JENIS_DISABILITAS, REQUIRED);
            if (kind != null) {
                patient.addExtension(Canonical.EXT_DISABILITY, kind);
            }
        } else if (KukarFields.TIDAK.equals(disabled) && hasKind) {
            in.error(FieldReader.path(at, KukarFields.JENIS_DISABILITAS), "only allowed when disabilitas is Ya");
        }
    }

    private static void readAddress(JsonNode victim, String at, FieldReader in, Patient patient) {
        JsonNode address = in.object(victim, at, KukarFields.ALAMAT, REQUIRED);
        if (address == null) {
            return;
        }
        String addressAt = FieldReader.path(at, KukarFields.ALAMAT);
        String street = in.text(address, addressAt, KukarFields.JALAN, OPTIONAL);
        Region domicile = in.bpsRegion(address, addressAt, KukarFields.KODE_WILAYAH, REQUIRED);
        Address home = patient.addAddress().setUse(Address.AddressUse.HOME);
        if (street != null) {
            home.addLine(street);
        }
        if (domicile != null) {
            home.addExtension(Fhir.administrativeCode(domicile));
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

    /** Renders one victim with only what the bundle holds. */
    static ObjectNode write(Patient patient, String at, RenderContext out) {
        ObjectNode json = KukarJson.object();
        if (patient.hasName() && patient.getNameFirstRep().hasText()) {
            json.put(KukarFields.NAMA, patient.getNameFirstRep().getText());
        }
        patient.getIdentifier().stream()
                .filter(id -> Canonical.SID_NIK.equals(id.getSystem()) && id.hasValue())
                .findFirst()
                .ifPresent(id -> json.put(KukarFields.NIK, id.getValue()));
        if (patient.hasGender()) {
            TaskMapper.putIfPresent(json, KukarFields.JENIS_KELAMIN, out.code(KukarFields.LIST_JENIS_KELAMIN,
                    new Coding(Fhir.ADMINISTRATIVE_GENDER, patient.getGender().toCode(), null),
                    FieldReader.path(at, KukarFields.JENIS_KELAMIN)));
        }
        writeBirth(patient, at, out, json);
        Fhir.extensionCoding(patient, Canonical.EXT_EDUCATION)
                // Kukar has no code for unknown education: it says so by leaving the field out.
                .filter(education -> !EDUCATION_UNKNOWN.equals(education.getCode()))
                .ifPresent(education -> {
                    String code = out.code(KukarFields.LIST_PENDIDIKAN, education,
                            FieldReader.path(at, KukarFields.PENDIDIKAN));
                    if (code != null) {
                        json.put(KukarFields.PENDIDIKAN, Integer.parseInt(code));
                    }
                });
        Fhir.extensionValue(patient, Canonical.EXT_OCCUPATION, StringType.class)
                .ifPresent(occupation -> json.put(KukarFields.PEKERJAAN, occupation.getValue()));
        writeDisability(patient, at, out, json);
        Fhir.extensionValue(patient, Canonical.EXT_CITIZENSHIP, CodeType.class).ifPresent(citizenship -> {
            Optional<String> nationality = CITIZENSHIP.entrySet().stream()
                    .filter(e -> e.getValue().equals(citizenship.getValue()))
                    .map(Map.Entry::getKey)
                    .findFirst();
            if (nationality.isPresent()) {
                json.put(KukarFields.KEWARGANEGARAAN, nationality.get());
            } else {
                out.error(FieldReader.path(at, KukarFields.KEWARGANEGARAAN),
                        "citizenship code '" + citizenship.getValue() + "' is neither I nor A");
            }
        });
        patient.getTelecom().stream()
                .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE && t.hasValue())
                .findFirst()
                .ifPresent(t -> json.put(KukarFields.NO_HP, IndonesianNumbers.toNational(t.getValue())));
        writeAddress(patient, at, out, json);
        return json;
    }

    private static void writeBirth(Patient patient, String at, RenderContext out, ObjectNode json) {
        Optional<Integer> age = Fhir.ageYears(patient);
        if (patient.hasBirthDateElement()) {
            boolean partial = patient.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY;
            if (!partial || age.isEmpty()) {
                TaskMapper.putIfPresent(json, KukarFields.TGL_LAHIR, KukarFormats.date(out, 
                        patient.getBirthDateElement(), FieldReader.path(at, KukarFields.TGL_LAHIR), false));
                return;
            }
        }
        // Kukar takes an age when the full birth date is not known.
        age.ifPresent(years -> json.put(KukarFields.USIA, years));
    }

    private static void writeDisability(Patient patient, String at, RenderContext out, ObjectNode json) {
        List<Coding> kinds = new ArrayList<>();
        for (Extension extension : patient.getExtensionsByUrl(Canonical.EXT_DISABILITY)) {
            Type value = extension.getValue();
            if (value instanceof Coding coding && kinds.stream().noneMatch(k -> k.getCode().equals(coding.getCode()))) {
                kinds.add(coding);
            }
        }
        // The model says an absent disability extension means none.
        json.put(KukarFields.DISABILITAS, kinds.isEmpty() ? KukarFields.TIDAK : KukarFields.YA);
        if (kinds.isEmpty()) {
            return;
        }
        // Kukar names one kind; several kinds together are what UU 8/2016 calls multiple (ganda).
        Coding kind = kinds.size() == 1
                ? kinds.get(0)
                : new Coding(kinds.get(0).getSystem(), DISABILITY_MULTIPLE, null);
        TaskMapper.putIfPresent(json, KukarFields.JENIS_DISABILITAS, out.code(
                KukarFields.LIST_JENIS_DISABILITAS, kind, FieldReader.path(at, KukarFields.JENIS_DISABILITAS)));
    }

    private static void writeAddress(Patient patient, String at, RenderContext out, ObjectNode json) {
        if (!patient.hasAddress()) {
            return;
        }
        Address home = patient.getAddress().stream()
                .filter(a -> a.getUse() == Address.AddressUse.HOME)
                .findFirst()
                .orElse(patient.getAddressFirstRep());
        ObjectNode address = KukarJson.object();
        if (home.hasLine()) {
            address.put(KukarFields.JALAN, home.getLine().get(0).getValue());
        }
        String field = FieldReader.path(FieldReader.path(at, KukarFields.ALAMAT), KukarFields.KODE_WILAYAH);
        Fhir.administrativeCode(home).ifPresent(code ->
                TaskMapper.putIfPresent(address, KukarFields.KODE_WILAYAH, KukarFormats.bpsOfCompact(out, code, field)));
        if (!address.isEmpty()) {
            json.set(KukarFields.ALAMAT, address);
        }
    }

    private static Set<String> orderedSet(String... words) {
        return new LinkedHashSet<>(List.of(words));
    }
}
