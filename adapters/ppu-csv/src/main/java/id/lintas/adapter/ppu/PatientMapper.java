package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.terminology.Terminology;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/** A victim: the victim columns of one RUJUKAN row to and from a canonical Patient. Stateless. */
final class PatientMapper {

    /** Hub codes that PPU writes as an empty cell, its way of saying "not known" (see hub-to-ppu.json). */
    static final String UNKNOWN_EDUCATION = "TIDAK_DIKETAHUI";

    private final Terminology terminology;

    PatientMapper(Terminology terminology) {
        this.terminology = terminology;
    }

    /**
     * @param sensitive whether the victim's record gets the sexual/domestic-violence security label
     */
    Patient toPatient(RujukanRow.Victim victim, boolean sensitive) {
        Patient patient = new Patient();
        Fhir.profile(patient, Canonical.PROFILE_VICTIM);
        if (sensitive) {
            patient.getMeta().addSecurity(new Coding(Canonical.V3_ACT_CODE, Canonical.SENSITIVITY_SDV, null));
        }
        if (victim.nik() != null) {
            patient.addIdentifier(new Identifier().setSystem(Canonical.SID_NIK).setValue(victim.nik()));
        }
        if (victim.name() != null) {
            patient.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setText(victim.name()));
        }
        if (victim.gender() != null) {
            patient.setGender(AdministrativeGender.fromCode(victim.gender().getCode()));
        }
        if (victim.birthDate() != null) {
            patient.setBirthDateElement(Fhir.date(victim.birthDate()));
        } else if (victim.age() != null) {
            // PPU fills Umur only when the birth date is unknown; it is the age at the report.
            patient.addExtension(Canonical.EXT_AGE, Fhir.years(victim.age()));
        }
        if (victim.address() != null || victim.domicile() != null) {
            Address address = patient.addAddress().setUse(Address.AddressUse.HOME);
            if (victim.address() != null) {
                address.addLine(victim.address());
            }
            if (victim.domicile() != null) {
                address.addExtension(Fhir.administrativeCode(victim.domicile()));
            }
        }
        if (victim.education() != null) {
            patient.addExtension(Canonical.EXT_EDUCATION, victim.education());
        }
        for (Coding disability : victim.disabilities()) {
            patient.addExtension(Canonical.EXT_DISABILITY, disability);
        }
        return patient;
    }

    /** The victim cells of one output row. */
    void render(Patient patient, int victimNumber, Rendering out, Rendering.Cells cells) {
        if (patient.hasName()) {
            HumanName name = patient.getNameFirstRep();
            cells.put(NAMA_KORBAN, name.hasText() ? name.getText() : name.getNameAsSingleString());
        }
        patient.getIdentifier().stream()
                .filter(id -> Canonical.SID_NIK.equals(id.getSystem()))
                .findFirst()
                .ifPresent(id -> cells.put(NIK_KORBAN, id.getValue()));
        cells.put(JK_KORBAN, gender(patient.getGender(), JK_KORBAN, out));
        if (patient.hasBirthDate()) {
            String birthDate = Rendering.calendarDate(patient.getBirthDateElement());
            cells.put(TGL_LAHIR_KORBAN, birthDate);
            if (birthDate == null) {
                out.note("Korban " + victimNumber
                        + ": Tgl Lahir hanya diketahui sebagian / birth date known only in part: "
                        + patient.getBirthDateElement().getValueAsString());
            }
        }
        if (Fhir.value(patient, Canonical.EXT_AGE) instanceof Age age && age.hasValue()) {
            cells.put(UMUR_KORBAN, age.getValue().stripTrailingZeros().toPlainString());
        }
        Coding education = Fhir.codingValue(patient, Canonical.EXT_EDUCATION);
        if (education != null && !UNKNOWN_EDUCATION.equals(education.getCode())) {
            cells.put(PENDIDIKAN_KORBAN, out.code(LIST_PENDIDIKAN, education, PENDIDIKAN_KORBAN));
        }
        cells.put(DISABILITAS, disability(patient, out));
        if (patient.hasAddress()) {
            Address address = patient.getAddressFirstRep();
            if (address.hasLine()) {
                cells.put(ALAMAT_KORBAN, address.getLine().get(0).getValue());
            }
            cells.put(KAB_KOTA_DOMISILI, domicile(address, out));
        }
    }

    /** Absent disability means none in the canonical model; several kinds are PPU's "Ganda" (multiple). */
    private String disability(Patient patient, Rendering out) {
        List<Extension> kinds = patient.getExtensionsByUrl(Canonical.EXT_DISABILITY);
        if (kinds.isEmpty()) {
            return TIDAK;
        }
        Coding kind = kinds.size() == 1 && kinds.get(0).getValue() instanceof Coding only
                ? only
                : Fhir.hub(terminology, Canonical.CS_DISABILITY, "GANDA");
        return out.code(LIST_DISABILITAS, kind, DISABILITAS);
    }

    private static String domicile(Address address, Rendering out) {
        Extension code = address.getExtensionByUrl(Canonical.EXT_ADMINISTRATIVE_CODE);
        if (code == null) {
            return null;
        }
        for (String level : List.of("city", "province")) {
            Extension part = code.getExtensionByUrl(level);
            if (part != null && part.getValue() instanceof CodeType value) {
                return out.compactRegionName(value.getValue(), KAB_KOTA_DOMISILI);
            }
        }
        return null;
    }

    /** Male/female in PPU's words; unknown stays empty; other has no PPU word and is an error. */
    static String gender(AdministrativeGender gender, String column, Rendering out) {
        if (gender == null || gender == AdministrativeGender.NULL || gender == AdministrativeGender.UNKNOWN) {
            return null;
        }
        return out.code(LIST_JENIS_KELAMIN, new Coding(Fhir.ADMINISTRATIVE_GENDER, gender.toCode(), null), column);
    }
}
