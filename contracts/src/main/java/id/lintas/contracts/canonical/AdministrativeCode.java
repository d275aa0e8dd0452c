package id.lintas.contracts.canonical;

import id.lintas.contracts.region.Region;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;

/**
 * SATUSEHAT's administrativeCode address extension, the one place the canonical model writes and
 * reads it: sub-extensions {@code province} and {@code city} with Kemendagri codes without dots.
 * Package-private: only {@link CanonicalWriter} and {@link CanonicalReader} know the canonical
 * Bundle's extensions (a region whose format carries the same SATUSEHAT extension, as Jakarta's
 * does, writes it as part of its own format).
 */
final class AdministrativeCode {

    static final String PROVINCE = "province";
    static final String CITY = "city";
    static final String DISTRICT = "district";

    private AdministrativeCode() {}

    /** The extension for a province, or a regency/city with its province. */
    static Extension of(Region region) {
        Extension extension = new Extension(Canonical.EXT_ADMINISTRATIVE_CODE);
        extension.addExtension(PROVINCE, new CodeType(region.province().replace(".", "")));
        if (!region.isProvince()) {
            extension.addExtension(CITY, new CodeType(region.kemendagriCompact()));
        }
        return extension;
    }

    /** The extension for a region with a district (kecamatan, Kemendagri without dots) below it, when known. */
    static Extension of(Region region, String district) {
        Extension extension = of(region);
        if (district != null) {
            extension.addExtension(DISTRICT, new CodeType(district));
        }
        return extension;
    }

    /** The district (kecamatan) code the address's extension names, without dots. */
    static Optional<String> district(Address address) {
        Extension extension = address.getExtensionByUrl(Canonical.EXT_ADMINISTRATIVE_CODE);
        Extension sub = extension == null ? null : extension.getExtensionByUrl(DISTRICT);
        return sub != null && sub.hasValue()
                ? Optional.ofNullable(sub.getValue().primitiveValue())
                : Optional.empty();
    }

    /** The most precise code (regency/city, else province) the address's extension names, without dots. */
    static Optional<String> mostPrecise(Address address) {
        Extension extension = address.getExtensionByUrl(Canonical.EXT_ADMINISTRATIVE_CODE);
        if (extension == null) {
            return Optional.empty();
        }
        for (String level : new String[] {CITY, PROVINCE}) {
            Extension sub = extension.getExtensionByUrl(level);
            if (sub != null && sub.hasValue() && sub.getValue().primitiveValue() != null) {
                return Optional.of(sub.getValue().primitiveValue());
            }
        }
        return Optional.empty();
    }
}
