package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.IndonesianNumbers;
import id.lintas.contracts.mapping.JsonDocuments;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.mapping.VictimIdentity;
import id.lintas.contracts.model.Citizenship;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.region.Region;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;

/** {@code korban[]}: one victim of the typed referral each. */
final class VictimMapper {

    private static final Set<String> YES_NO = orderedSet(KukarFields.YA, KukarFields.TIDAK);
    private static final Set<String> NATIONALITIES = orderedSet(KukarFields.WNI, KukarFields.WNA);
    private static final VictimIdentity.Names IDENTITY = new VictimIdentity.Names(
            KukarFields.NAMA,
            KukarFields.NIK,
            KukarFields.JENIS_KELAMIN,
            KukarFields.LIST_JENIS_KELAMIN,
            KukarFields.TGL_LAHIR,
            KukarFields.USIA,
            "expected a NIK of 16 digits");

    private VictimMapper() {}

    /** Reads one victim; it may be incomplete when the reader collected errors. */
    static Victim read(JsonNode victim, String at, FieldReader in) {
        VictimIdentity identity = VictimIdentity.read(in, victim, at, IDENTITY);
        Coding education = in.code(victim, at, KukarFields.PENDIDIKAN, KukarFields.LIST_PENDIDIKAN, OPTIONAL);
        String occupation = in.text(victim, at, KukarFields.PEKERJAAN, OPTIONAL);
        Coding disability = readDisability(victim, at, in);
        String nationality = in.oneOf(victim, at, KukarFields.KEWARGANEGARAAN, REQUIRED, NATIONALITIES);
        String phone = in.phone(victim, at, KukarFields.NO_HP, OPTIONAL);

        JsonNode address = in.object(victim, at, KukarFields.ALAMAT, REQUIRED);
        String addressAt = FieldReader.path(at, KukarFields.ALAMAT);
        String street = address == null ? null : in.text(address, addressAt, KukarFields.JALAN, OPTIONAL);
        Region domicile = address == null ? null : in.bpsRegion(address, addressAt, KukarFields.KODE_WILAYAH, REQUIRED);
        return identity.victim(
                phone,
                street,
                domicile,
                null,
                nationality == null ? null : Citizenship.valueOf(nationality),
                FieldReader.hubCode(education),
                disability == null ? List.of() : List.of(disability.getCode()),
                occupation);
    }

    private static Coding readDisability(JsonNode victim, String at, FieldReader in) {
        String disabled = in.oneOf(victim, at, KukarFields.DISABILITAS, REQUIRED, YES_NO);
        boolean hasKind = FieldReader.has(victim, KukarFields.JENIS_DISABILITAS);
        if (KukarFields.YA.equals(disabled)) {
            return in.code(victim, at, KukarFields.JENIS_DISABILITAS, KukarFields.LIST_JENIS_DISABILITAS, REQUIRED);
        }
        if (KukarFields.TIDAK.equals(disabled) && hasKind) {
            in.error(FieldReader.path(at, KukarFields.JENIS_DISABILITAS), "only allowed when disabilitas is Ya");
        }
        return null;
    }

    /** Renders one victim with only what the referral holds. */
    static ObjectNode write(Victim victim, String at, RenderContext out) {
        ObjectNode json = JsonDocuments.object();
        JsonDocuments.putIfPresent(json, KukarFields.NAMA, victim.name());
        JsonDocuments.putIfPresent(json, KukarFields.NIK, victim.nik());
        JsonDocuments.putIfPresent(
                json,
                KukarFields.JENIS_KELAMIN,
                out.gender(
                        KukarFields.LIST_JENIS_KELAMIN,
                        victim.gender(),
                        FieldReader.path(at, KukarFields.JENIS_KELAMIN)));
        writeBirth(victim, at, out, json);
        // Kukar's education codes are numbers.
        String education = out.code(
                KukarFields.LIST_PENDIDIKAN,
                Canonical.CS_EDUCATION,
                RenderContext.knownEducation(victim),
                FieldReader.path(at, KukarFields.PENDIDIKAN));
        if (education != null) {
            json.put(KukarFields.PENDIDIKAN, Integer.parseInt(education));
        }
        JsonDocuments.putIfPresent(json, KukarFields.PEKERJAAN, victim.occupation());
        writeDisability(victim, at, out, json);
        if (victim.citizenship() != null) {
            json.put(KukarFields.KEWARGANEGARAAN, victim.citizenship().name());
        }
        if (victim.phone() != null) {
            json.put(KukarFields.NO_HP, IndonesianNumbers.toNational(victim.phone()));
        }
        writeAddress(victim, at, out, json);
        return json;
    }

    private static void writeBirth(Victim victim, String at, RenderContext out, ObjectNode json) {
        if (RenderContext.writesBirthDate(victim)) {
            JsonDocuments.putIfPresent(
                    json,
                    KukarFields.TGL_LAHIR,
                    KukarFormats.date(out, victim.birthDate(), FieldReader.path(at, KukarFields.TGL_LAHIR), false));
        } else if (victim.age() != null) {
            json.put(KukarFields.USIA, victim.age());
        }
    }

    private static void writeDisability(Victim victim, String at, RenderContext out, ObjectNode json) {
        String kind = RenderContext.disability(victim);
        // The model says no disability means none.
        json.put(KukarFields.DISABILITAS, kind == null ? KukarFields.TIDAK : KukarFields.YA);
        JsonDocuments.putIfPresent(
                json,
                KukarFields.JENIS_DISABILITAS,
                out.code(
                        KukarFields.LIST_JENIS_DISABILITAS,
                        Canonical.CS_DISABILITY,
                        kind,
                        FieldReader.path(at, KukarFields.JENIS_DISABILITAS)));
    }

    private static void writeAddress(Victim victim, String at, RenderContext out, ObjectNode json) {
        ObjectNode address = JsonDocuments.object();
        JsonDocuments.putIfPresent(address, KukarFields.JALAN, victim.addressLine());
        String field = FieldReader.path(FieldReader.path(at, KukarFields.ALAMAT), KukarFields.KODE_WILAYAH);
        if (victim.domicile() != null) {
            JsonDocuments.putIfPresent(
                    address,
                    KukarFields.KODE_WILAYAH,
                    out.known(victim.domicile(), field)
                            .map(region -> KukarFormats.bps(out, region, field))
                            .orElse(null));
        }
        if (!address.isEmpty()) {
            json.set(KukarFields.ALAMAT, address);
        }
    }

    private static Set<String> orderedSet(String... words) {
        return new LinkedHashSet<>(List.of(words));
    }
}
