package id.lintas.contracts.model;

import id.lintas.contracts.region.Region;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * A victim of the case.
 *
 * @param nik the NIK (16 digits), or null when not known
 * @param name the name as the sender wrote it, or null (absent in a copy without identity)
 * @param gender the gender, or null
 * @param birthDate the birth date to the precision known, or null
 * @param age the age in whole years as of the report, when the birth date is not known; else null
 * @param phone the phone number in E.164, or null
 * @param addressLine the street as written, or null
 * @param domicile the region where the victim lives (a regency/city or a province), or null
 * @param domicileDistrict the district (kecamatan) code, Kemendagri without dots ({@code 640206}), or null
 * @param citizenship the citizenship, or null
 * @param education the hub's {@code CodeSystem/education} code, or null
 * @param disabilities the hub's {@code CodeSystem/disability} codes; empty = none
 * @param occupation the occupation as written, or null
 * @param sensitive whether the record carries the SDV sensitivity label (see {@link Incident#isSexualOrDomestic()})
 * @param consent the victim's consent or lawful basis, or null when the referral carries none
 * @param incident what happened to this victim when it differs from the referral's incident (PPU's rows
 *     and Jakarta's Conditions are per victim); null when it is the referral's
 */
public record Victim(
        String nik,
        String name,
        Gender gender,
        PartialDateTime birthDate,
        Integer age,
        String phone,
        String addressLine,
        Region domicile,
        String domicileDistrict,
        Citizenship citizenship,
        String education,
        List<String> disabilities,
        String occupation,
        boolean sensitive,
        Consent consent,
        Incident incident) {

    public Victim {
        disabilities = List.copyOf(disabilities);
    }

    /** A victim to whom the referral's incident happened. */
    public Victim(
            String nik,
            String name,
            Gender gender,
            PartialDateTime birthDate,
            Integer age,
            String phone,
            String addressLine,
            Region domicile,
            String domicileDistrict,
            Citizenship citizenship,
            String education,
            List<String> disabilities,
            String occupation,
            boolean sensitive,
            Consent consent) {
        this(
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
                sensitive,
                consent,
                null);
    }

    /** What happened to this victim: its own incident, else the referral's. */
    public Incident incidentIn(Referral referral) {
        return incident != null ? incident : referral.incident();
    }

    /** Age in whole years on a date: from the birth date (its first possible day), else as recorded; null when unknown. */
    public Integer ageOn(LocalDate date) {
        if (birthDate != null) {
            return Period.between(birthDate.firstDay(), date).getYears();
        }
        return age;
    }

    /** The domicile when it is a regency/city (a province alone does not route), else null. */
    public Region domicileRegency() {
        return domicile == null || domicile.isProvince() ? null : domicile;
    }

    public Victim withConsent(Consent value) {
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
                sensitive,
                value,
                incident);
    }

    /** This victim with its own incident (null: the referral's). */
    public Victim withIncident(Incident value) {
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
                sensitive,
                consent,
                value);
    }

    public Victim withSensitive(boolean value) {
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
                value,
                consent,
                incident);
    }

    /** This victim without contact data: no phone, no street (the regions stay). */
    public Victim withoutContact() {
        return new Victim(
                nik,
                name,
                gender,
                birthDate,
                age,
                null,
                null,
                domicile,
                domicileDistrict,
                citizenship,
                education,
                disabilities,
                occupation,
                sensitive,
                consent,
                incident);
    }

    /** This victim without identity: no NIK, name, birth date, citizenship, education, disabilities, occupation. */
    public Victim withoutIdentity() {
        return new Victim(
                null,
                null,
                gender,
                null,
                age,
                phone,
                addressLine,
                domicile,
                domicileDistrict,
                null,
                null,
                List.of(),
                null,
                sensitive,
                consent,
                incident);
    }
}
