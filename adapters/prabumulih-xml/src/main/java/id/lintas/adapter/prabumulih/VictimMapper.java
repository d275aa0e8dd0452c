package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.mapping.VictimIdentity;
import id.lintas.contracts.model.Citizenship;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.region.Region;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.w3c.dom.Element;

/** {@code <klien>}: one victim of the typed referral each. */
final class VictimMapper {

    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
    private static final VictimIdentity.Names IDENTITY = new VictimIdentity.Names(
            PrabumulihFields.NAMA,
            PrabumulihFields.NIK,
            PrabumulihFields.JENIS_KELAMIN,
            PrabumulihFields.LIST_JENIS_KELAMIN,
            PrabumulihFields.TANGGAL_LAHIR,
            PrabumulihFields.UMUR,
            "expected a NIK of 16 digits with a plausible birth date in it");

    private VictimMapper() {}

    /** Reads one victim; it may be incomplete when the reader collected errors. */
    static Victim read(Element klien, String at, FieldReader in) {
        VictimIdentity identity = VictimIdentity.read(in, klien, at, IDENTITY);
        Coding education = in.code(klien, at, PrabumulihFields.PENDIDIKAN, PrabumulihFields.LIST_PENDIDIKAN, OPTIONAL);
        // An empty <disabilitas/> says the victim has none, as an absent one does.
        Coding disability =
                in.code(klien, at, PrabumulihFields.DISABILITAS, PrabumulihFields.LIST_DISABILITAS, OPTIONAL);
        String nationality = in.text(klien, at, PrabumulihFields.KEWARGANEGARAAN, REQUIRED);
        Citizenship citizenship = null;
        if (nationality != null) {
            if (PrabumulihFields.WNI.equals(nationality) || PrabumulihFields.WNA.equals(nationality)) {
                citizenship = Citizenship.valueOf(nationality);
            } else {
                in.error(FieldReader.path(at, PrabumulihFields.KEWARGANEGARAAN), "expected WNI or WNA");
            }
        }
        String phone = in.phone(klien, at, PrabumulihFields.NO_TELP, OPTIONAL);

        Region domicile = null;
        String district = null;
        String street = null;
        Element address = in.element(klien, at, PrabumulihFields.ALAMAT, REQUIRED);
        if (address != null) {
            String addressAt = FieldReader.path(at, PrabumulihFields.ALAMAT);
            String kotkab = in.attribute(address, addressAt, PrabumulihFields.KOTKAB, REQUIRED);
            domicile = in.region(kotkab, FieldReader.attributePath(addressAt, PrabumulihFields.KOTKAB));
            district = in.attribute(address, addressAt, PrabumulihFields.KECAMATAN, OPTIONAL);
            if (district != null
                    && (!DISTRICT.matcher(district).matches() || kotkab == null || !district.startsWith(kotkab))) {
                in.error(
                        FieldReader.attributePath(addressAt, PrabumulihFields.KECAMATAN),
                        "expected a Kemendagri district code without dots in the region of kotkab (6 digits that start with it)");
                district = null;
            }
            street = address.getTextContent().trim();
        }
        return identity.victim(
                phone,
                street == null || street.isEmpty() ? null : street,
                domicile,
                domicile == null || domicile.isProvince() ? null : district,
                citizenship,
                FieldReader.hubCode(education),
                disability == null ? List.of() : List.of(disability.getCode()),
                null);
    }

    /** Renders one victim as a {@code <klien>} of {@code kasus}, with only what the referral holds. */
    static void write(Victim victim, String at, RenderContext out, Element kasus) {
        Element klien = XmlDocuments.add(kasus, PrabumulihFields.KLIEN);
        XmlDocuments.addText(klien, PrabumulihFields.NAMA, victim.name());
        XmlDocuments.addText(klien, PrabumulihFields.NIK, victim.nik());
        XmlDocuments.addText(
                klien,
                PrabumulihFields.JENIS_KELAMIN,
                out.gender(
                        PrabumulihFields.LIST_JENIS_KELAMIN,
                        victim.gender(),
                        FieldReader.path(at, PrabumulihFields.JENIS_KELAMIN)));
        writeBirth(victim, at, out, klien);
        XmlDocuments.addText(
                klien,
                PrabumulihFields.PENDIDIKAN,
                out.code(
                        PrabumulihFields.LIST_PENDIDIKAN,
                        Canonical.CS_EDUCATION,
                        RenderContext.knownEducation(victim),
                        FieldReader.path(at, PrabumulihFields.PENDIDIKAN)));
        writeDisability(victim, at, out, klien);
        if (victim.citizenship() != null) {
            XmlDocuments.addText(
                    klien,
                    PrabumulihFields.KEWARGANEGARAAN,
                    victim.citizenship().name());
        }
        // E.164 is one of the two forms Prabumulih accepts (+62... or 08...).
        XmlDocuments.addText(klien, PrabumulihFields.NO_TELP, victim.phone());
        writeAddress(victim, at, out, klien);
    }

    private static void writeBirth(Victim victim, String at, RenderContext out, Element klien) {
        if (RenderContext.writesBirthDate(victim)) {
            XmlDocuments.addText(
                    klien,
                    PrabumulihFields.TANGGAL_LAHIR,
                    PrabumulihFormats.date(
                            out, victim.birthDate(), FieldReader.path(at, PrabumulihFields.TANGGAL_LAHIR)));
        } else if (victim.age() != null) {
            XmlDocuments.addText(klien, PrabumulihFields.UMUR, String.valueOf(victim.age()));
        }
    }

    private static void writeDisability(Victim victim, String at, RenderContext out, Element klien) {
        String kind = RenderContext.disability(victim);
        // The model says no disability means none; Prabumulih says it with an empty element.
        if (kind == null) {
            XmlDocuments.add(klien, PrabumulihFields.DISABILITAS);
            return;
        }
        XmlDocuments.addText(
                klien,
                PrabumulihFields.DISABILITAS,
                out.code(
                        PrabumulihFields.LIST_DISABILITAS,
                        Canonical.CS_DISABILITY,
                        kind,
                        FieldReader.path(at, PrabumulihFields.DISABILITAS)));
    }

    private static void writeAddress(Victim victim, String at, RenderContext out, Element klien) {
        String addressAt = FieldReader.path(at, PrabumulihFields.ALAMAT);
        String kotkab = victim.domicile() == null
                ? null
                : PrabumulihFormats.compact(
                        out, victim.domicile(), FieldReader.attributePath(addressAt, PrabumulihFields.KOTKAB));
        String street = victim.addressLine();
        if (kotkab == null && street == null) {
            return;
        }
        Element address = XmlDocuments.add(klien, PrabumulihFields.ALAMAT);
        XmlDocuments.attribute(address, PrabumulihFields.KOTKAB, kotkab);
        if (kotkab != null
                && victim.domicileDistrict() != null
                && victim.domicileDistrict().startsWith(kotkab)) {
            XmlDocuments.attribute(address, PrabumulihFields.KECAMATAN, victim.domicileDistrict());
        }
        if (street != null) {
            address.setTextContent(street);
        }
    }
}
