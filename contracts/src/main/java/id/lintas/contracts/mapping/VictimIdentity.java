package id.lintas.contracts.mapping;

import id.lintas.contracts.model.Citizenship;
import id.lintas.contracts.model.Gender;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.region.Region;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;

/**
 * Who a victim is, as every region's form asks it: the name, the NIK, the gender, and the birth
 * date or, when it is not known, the age. The rules are the same in every region (a NIK must be one,
 * a birth date wins over an age sent beside it, one of the two is required); only the field names and
 * how a format finds a field differ, so a region's reader gives those ({@link Names}, {@link RecordReading})
 * and reads the identity here, in the order its staff see the fields.
 *
 * @param nik the NIK, or null when absent or not a NIK (then an error was recorded)
 * @param gender the gender, or null
 * @param birthDate the birth date, or null
 * @param age the age in whole years when the birth date is not sent, else null
 */
public record VictimIdentity(String nik, String name, Gender gender, PartialDateTime birthDate, Integer age) {

    private static final int MAX_AGE = 130;

    /**
     * A region's names of the identity fields.
     *
     * @param genderList the region's code list of genders in the ConceptMaps
     * @param nikReason what the region's reader says of a value that is not a NIK
     */
    public record Names(
            String name,
            String nik,
            String gender,
            String genderList,
            String birthDate,
            String age,
            String nikReason) {}

    /** Reads a victim's identity; its fields are null where the reader recorded an error. */
    public static <P> VictimIdentity read(RecordReading<P> in, P victim, String at, Names names) {
        String name = in.text(victim, at, names.name(), Need.REQUIRED);
        String nik = in.text(victim, at, names.nik(), Need.OPTIONAL);
        if (nik != null && !IndonesianNumbers.isNik(nik)) {
            in.error(in.fieldPath(at, names.nik()), names.nikReason());
            nik = null;
        }
        Coding gender = in.code(victim, at, names.gender(), names.genderList(), Need.REQUIRED);
        PartialDateTime birthDate = null;
        Integer age = null;
        if (in.hasField(victim, names.birthDate())) {
            // The model keeps the birth date when known; an age sent beside it adds nothing.
            LocalDate date = in.date(victim, at, names.birthDate(), Need.REQUIRED);
            birthDate = date == null ? null : PartialDateTime.of(date);
        } else if (in.hasField(victim, names.age())) {
            age = in.integer(victim, at, names.age(), Need.REQUIRED, 0, MAX_AGE);
        } else {
            in.error(
                    in.fieldPath(at, names.birthDate()),
                    FieldReading.REQUIRED_REASON + " (or " + names.age() + " when the birth date is unknown)");
        }
        return new VictimIdentity(nik, name, gender == null ? null : Gender.ofCode(gender.getCode()), birthDate, age);
    }

    /**
     * The victim of a referral's incident with this identity and what else the region sent; not
     * sensitive and without consent until the referral says so.
     */
    public Victim victim(
            String phone,
            String addressLine,
            Region domicile,
            String domicileDistrict,
            Citizenship citizenship,
            String education,
            List<String> disabilities,
            String occupation) {
        return new Victim(
                nik,
                name,
                gender,
                birthDate,
                age,
                phone,
                addressLine,
                domicile,
                domicileDistrict,
                citizenship,
                education,
                disabilities,
                occupation,
                false,
                null);
    }
}
