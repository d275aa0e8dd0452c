package id.lintas.adapter.ppu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

/** The ConceptMaps against the code lists FORMAT.md publishes: every PPU value goes to the hub and back. */
class PpuConceptMapTest {

    /** PPU's lists as FORMAT.md (version 1) writes them. */
    private static final Map<String, List<String>> FORMAT = Map.ofEntries(
            Map.entry("jenis_rujukan", List.of("Rujukan", "Pelimpahan")),
            Map.entry("urgensi", List.of("Tinggi", "Sedang", "Rendah")),
            Map.entry("jenis_kelamin", List.of("Laki-laki", "Perempuan")),
            Map.entry("pendidikan", List.of("Tidak Sekolah", "SD", "SLTP", "SLTA", "Perguruan Tinggi")),
            Map.entry("disabilitas", List.of("Fisik", "Intelektual", "Mental", "Sensorik", "Ganda")),
            Map.entry(
                    "bentuk_kekerasan",
                    List.of("Fisik", "Psikis", "Seksual", "Eksploitasi", "Trafficking", "Penelantaran", "Lainnya")),
            Map.entry(
                    "tempat_kejadian",
                    List.of(
                            "Rumah Tangga",
                            "Tempat Kerja",
                            "Sekolah",
                            "Fasilitas Umum",
                            "Lembaga Pendidikan Kilat",
                            "Lainnya")),
            Map.entry(
                    "hubungan_pelaku",
                    List.of(
                            "Orang Tua",
                            "Keluarga/Saudara",
                            "Suami/Istri",
                            "Pacar/Teman",
                            "Guru",
                            "Majikan",
                            "Rekan Kerja",
                            "Tetangga",
                            "Lainnya")),
            Map.entry(
                    "layanan",
                    List.of(
                            "Pengaduan",
                            "Kesehatan",
                            "Konseling Psikologis",
                            "Bantuan Hukum",
                            "Penegakan Hukum",
                            "Rumah Aman",
                            "Rehabilitasi Sosial",
                            "Reintegrasi Sosial",
                            "Pemulangan",
                            "Pendampingan")),
            Map.entry("pemberi_persetujuan", List.of("Korban", "Orang Tua", "Wali", "Pendamping")),
            Map.entry("status", List.of("Diterima", "Ditolak", "Selesai", "Dibatalkan")));

    private final Terminology terminology = Terminology.standard();

    @Test
    void mapsEveryPublishedValueToAHubCodeAndBackToItself() throws Exception {
        for (Map.Entry<String, List<String>> list : FORMAT.entrySet()) {
            for (String value : list.getValue()) {
                Coding hub = terminology.toHub("ppu", list.getKey(), value, "column");
                assertThat(terminology.fromHub("ppu", list.getKey(), hub, "column"))
                        .as("%s %s", list.getKey(), value)
                        .isEqualTo(value);
                if (hub.getSystem().startsWith(Canonical.CS)) {
                    assertThat(terminology.display(hub.getSystem(), hub.getCode()))
                            .as("%s is a code of %s", hub.getCode(), hub.getSystem())
                            .isPresent();
                }
            }
        }
    }

    @Test
    void translatesTheValuesTheFormatNamesSpecially() throws Exception {
        assertThat(terminology
                        .toHub("ppu", "bentuk_kekerasan", "Trafficking", "Bentuk Kekerasan")
                        .getCode())
                .isEqualTo("TPPO");
        assertThat(terminology
                        .toHub("ppu", "jenis_kelamin", "laki-laki", "JK Korban")
                        .getSystem())
                .isEqualTo("http://hl7.org/fhir/administrative-gender");
        assertThat(terminology.toHub("ppu", "status", "Ditolak", "Status").getCode())
                .isEqualTo("rejected");
        assertThat(terminology.fromHub(
                        "ppu",
                        "tempat_kejadian",
                        new Coding(Canonical.CS_INCIDENT_PLACE, "DARING", null),
                        "Tempat Kejadian"))
                .isEqualTo("Lainnya");
    }

    @Test
    void hasNoPpuWordForHubCodesPpuCannotExpress() {
        for (String service : List.of(
                "PENJANGKAUAN", "PENGELOLAAN_KASUS", "MEDIASI", "PEMBERDAYAAN_EKONOMI", "PERLINDUNGAN_LPSK", "VISUM")) {
            assertThatThrownBy(() -> terminology.fromHub(
                            "ppu", "layanan", new Coding(Canonical.CS_SERVICE, service, null), "Layanan Dibutuhkan"))
                    .isInstanceOf(TranslationException.class)
                    .hasMessageContaining("Layanan Dibutuhkan")
                    .hasMessageContaining(service);
        }
        assertThatThrownBy(() -> terminology.fromHub(
                        "ppu",
                        "hubungan_pelaku",
                        new Coding(Canonical.CS_RELATIONSHIP, "TIDAK_DIKETAHUI", null),
                        "Hubungan Pelaku"))
                .isInstanceOf(TranslationException.class);
    }
}
