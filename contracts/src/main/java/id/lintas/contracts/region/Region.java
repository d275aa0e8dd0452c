package id.lintas.contracts.region;

/**
 * A province or regency/city.
 *
 * @param level {@code province} or {@code regency}
 * @param kemendagri dotted Kemendagri code, the canonical one ({@code 64.02})
 * @param kemendagriCompact the same without dots ({@code 6402})
 * @param bps BPS 2014 code ({@code 6403}), or null when none exists
 * @param name the Kemendagri name ({@code Kabupaten Kutai Kartanegara})
 * @param provinceKemendagri the province's code for a regency, else null
 */
public record Region(
        String level, String kemendagri, String kemendagriCompact, String bps, String name, String provinceKemendagri) {

    public boolean isProvince() {
        return "province".equals(level);
    }

    public boolean isCity() {
        return name.startsWith("Kota ");
    }

    /** The province's Kemendagri code (the region's own for a province). */
    public String province() {
        return isProvince() ? kemendagri : provinceKemendagri;
    }
}
