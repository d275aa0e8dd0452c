package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.LAYANAN_DIBUTUHKAN;
import static id.lintas.adapter.ppu.Columns.LIST_LAYANAN;

import id.lintas.contracts.canonical.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The requested services as one multi-value cell ({@code Layanan Dibutuhkan}). */
final class ServiceRequestMapper {

    /** All requested services in one cell, in the referral's order. */
    void render(List<String> services, Rendering out, Rendering.Cells cells) {
        String joined = services.stream()
                .map(s -> out.code(LIST_LAYANAN, Canonical.CS_SERVICE, s, LAYANAN_DIBUTUHKAN))
                .filter(Objects::nonNull)
                .distinct()
                .collect(Collectors.joining(", "));
        cells.put(LAYANAN_DIBUTUHKAN, joined);
    }
}
