package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.Gender;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Victim;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;

/** A victim: the victim columns of one RUJUKAN row to and from the typed victim. Stateless. */
final class PatientMapper {

    /** Hub codes that PPU writes as an empty cell, its way of saying "not known" (see hub-to-ppu.json). */
    static final String UNKNOWN_EDUCATION = "TIDAK_DIKETAHUI";

    private static final String MULTIPLE_DISABILITIES = "GANDA";

    /**
     * @param sensitive whether the victim's record gets the sexual/domestic-violence security label
     */
    Victim toVictim(RujukanRow.Victim victim, boolean sensitive, Consent consent) {
        return new Victim(
                victim.nik(),
                victim.name(),
                victim.gender() == null ? null : Gender.ofCode(victim.gender().getCode()),
                victim.birthDate() == null ? null : PartialDateTime.of(victim.birthDate()),
                // PPU fills Umur only when the birth date is unknown; it is the age at the report.
                victim.birthDate() == null ? victim.age() : null,
                null,
                victim.address(),
                victim.domicile(),
                null,
                null,
                victim.education() == null ? null : victim.education().getCode(),
                victim.disabilities().stream().map(Coding::getCode).toList(),
                null,
                sensitive,
                consent);
    }

    /** The victim cells of one output row. */
    void render(Victim victim, int victimNumber, Rendering out, Rendering.Cells cells) {
        cells.put(NAMA_KORBAN, victim.name());
        cells.put(NIK_KORBAN, victim.nik());
        cells.put(JK_KORBAN, gender(victim.gender(), JK_KORBAN, out));
        if (victim.birthDate() != null) {
            String birthDate = Rendering.calendarDate(victim.birthDate());
            cells.put(TGL_LAHIR_KORBAN, birthDate);
            if (birthDate == null) {
                out.note("Korban " + victimNumber
                        + ": Tgl Lahir hanya diketahui sebagian / birth date known only in part: "
                        + victim.birthDate());
            }
        }
        if (victim.age() != null) {
            cells.put(UMUR_KORBAN, String.valueOf(victim.age()));
        }
        if (victim.education() != null && !UNKNOWN_EDUCATION.equals(victim.education())) {
            cells.put(
                    PENDIDIKAN_KORBAN,
                    out.code(LIST_PENDIDIKAN, Canonical.CS_EDUCATION, victim.education(), PENDIDIKAN_KORBAN));
        }
        cells.put(DISABILITAS, disability(victim.disabilities(), out));
        cells.put(ALAMAT_KORBAN, victim.addressLine());
        cells.put(KAB_KOTA_DOMISILI, out.compactRegionName(victim.domicile(), KAB_KOTA_DOMISILI));
    }

    /** None is {@code Tidak}; several kinds are PPU's "Ganda" (multiple). */
    private static String disability(List<String> kinds, Rendering out) {
        if (kinds.isEmpty()) {
            return TIDAK;
        }
        String kind = kinds.size() == 1 ? kinds.get(0) : MULTIPLE_DISABILITIES;
        return out.code(LIST_DISABILITAS, Canonical.CS_DISABILITY, kind, DISABILITAS);
    }

    /** Male/female in PPU's words; unknown stays empty; other has no PPU word and is an error. */
    static String gender(Gender gender, String column, Rendering out) {
        if (gender == null || gender == Gender.UNKNOWN) {
            return null;
        }
        return out.code(LIST_JENIS_KELAMIN, Rendering.ADMINISTRATIVE_GENDER, gender.code(), column);
    }
}
