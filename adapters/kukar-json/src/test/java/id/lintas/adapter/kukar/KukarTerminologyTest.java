package id.lintas.adapter.kukar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.spi.RegionAdapter;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.spi.Transport;
import id.lintas.contracts.terminology.Terminology;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

/** The ConceptMaps kukar-to-hub and hub-to-kukar against FORMAT.md and the hub's CodeSystems. */
class KukarTerminologyTest {

    /** Every code of every Kukar list, as FORMAT.md version 1 publishes them. */
    private static final Map<String, List<String>> KUKAR_LISTS = Map.ofEntries(
            Map.entry("jenis_rujukan", List.of("rujukan", "pelimpahan")),
            Map.entry(
                    "media_pengaduan",
                    List.of(
                            "datang_langsung",
                            "telepon",
                            "whatsapp",
                            "surat_email",
                            "pihak_lain",
                            "penjangkauan",
                            "rujukan")),
            Map.entry("urgensi", List.of("tinggi", "sedang", "rendah")),
            Map.entry("jenis_kelamin", List.of("L", "P")),
            Map.entry("pendidikan", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10")),
            Map.entry("jenis_disabilitas", List.of("fisik", "intelektual", "mental", "sensorik", "ganda")),
            Map.entry(
                    "hubungan",
                    List.of(
                            "orang_tua",
                            "keluarga",
                            "suami_istri",
                            "pacar",
                            "teman",
                            "guru",
                            "majikan",
                            "rekan_kerja",
                            "tetangga",
                            "lainnya",
                            "tidak_diketahui")),
            Map.entry(
                    "tempat",
                    List.of("rumah_tangga", "tempat_kerja", "sekolah", "fasilitas_umum", "daring", "lainnya")),
            Map.entry(
                    "bentuk_kekerasan",
                    List.of("fisik", "psikis", "seksual", "eksploitasi", "tppo", "penelantaran", "lainnya")),
            Map.entry(
                    "layanan",
                    List.of(
                            "pengaduan",
                            "kesehatan",
                            "konseling_psikologis",
                            "bantuan_hukum",
                            "penegakan_hukum",
                            "rumah_aman",
                            "rehabilitasi_sosial",
                            "reintegrasi_sosial",
                            "pemulangan",
                            "pendampingan",
                            "pemberdayaan_ekonomi")),
            Map.entry("diberikan_oleh", List.of("korban", "orang_tua", "wali", "pendamping")),
            Map.entry("dasar_hukum", List.of("persetujuan", "kewajiban_hukum")),
            Map.entry("status", List.of("diterima", "ditolak", "selesai", "dibatalkan")));

    /** The hub CodeSystem each Kukar list maps to. */
    private static final Map<String, String> HUB_SYSTEM = Map.ofEntries(
            Map.entry("jenis_rujukan", Canonical.CS_REFERRAL_KIND),
            Map.entry("media_pengaduan", Canonical.CS_INTAKE_CHANNEL),
            Map.entry("urgensi", Canonical.CS_URGENCY),
            Map.entry("jenis_kelamin", "http://hl7.org/fhir/administrative-gender"),
            Map.entry("pendidikan", Canonical.CS_EDUCATION),
            Map.entry("jenis_disabilitas", Canonical.CS_DISABILITY),
            Map.entry("hubungan", Canonical.CS_RELATIONSHIP),
            Map.entry("tempat", Canonical.CS_INCIDENT_PLACE),
            Map.entry("bentuk_kekerasan", Canonical.CS_VIOLENCE_FORM),
            Map.entry("layanan", Canonical.CS_SERVICE),
            Map.entry("diberikan_oleh", Canonical.CS_CONSENT_GIVER),
            Map.entry("dasar_hukum", Canonical.CS_LAWFUL_BASIS),
            Map.entry("status", "http://hl7.org/fhir/task-status"));

    /** Hub codes Kukar cannot express: deliberately absent from hub-to-kukar. */
    private static final Set<String> NO_KUKAR_EQUIVALENT = Set.of(
            Canonical.CS_SERVICE + "#PENJANGKAUAN",
            Canonical.CS_SERVICE + "#PENGELOLAAN_KASUS",
            Canonical.CS_SERVICE + "#MEDIASI",
            Canonical.CS_SERVICE + "#PERLINDUNGAN_LPSK",
            Canonical.CS_SERVICE + "#VISUM",
            Canonical.CS_INTAKE_CHANNEL + "#CALL_112",
            Canonical.CS_INTAKE_CHANNEL + "#SAPA_129",
            Canonical.CS_INTAKE_CHANNEL + "#POS_PENGADUAN",
            Canonical.CS_INTAKE_CHANNEL + "#PANIC_BUTTON",
            // Kukar says "unknown education" by leaving pendidikan out; the adapter does that, not the map.
            Canonical.CS_EDUCATION + "#TIDAK_DIKETAHUI");

    private final Terminology terminology = Terminology.standard();

    @Test
    void everyKukarCodeMapsToACodeOfTheHubsCodeSystem() throws Exception {
        for (Map.Entry<String, List<String>> list : KUKAR_LISTS.entrySet()) {
            for (String code : list.getValue()) {
                Coding hub = terminology.toHub("kukar", list.getKey(), code, list.getKey());
                assertThat(hub.getSystem()).as(list.getKey() + " " + code).isEqualTo(HUB_SYSTEM.get(list.getKey()));
                if (hub.getSystem().startsWith(Canonical.CS)) {
                    assertThat(terminology.display(hub.getSystem(), hub.getCode()))
                            .as("%s#%s exists", hub.getSystem(), hub.getCode())
                            .isPresent();
                }
            }
        }
    }

    @Test
    void everyHubCodeGoesBackToKukarUnlessKukarHasNoWordForIt() throws Exception {
        for (Map.Entry<String, String> list : HUB_SYSTEM.entrySet()) {
            if (!list.getValue().startsWith(Canonical.CS)) {
                continue;
            }
            CodeSystem codeSystem = terminology.codeSystems().stream()
                    .filter(cs -> cs.getUrl().equals(list.getValue()))
                    .findFirst()
                    .orElseThrow();
            for (CodeSystem.ConceptDefinitionComponent concept : codeSystem.getConcept()) {
                Coding hub = new Coding(list.getValue(), concept.getCode(), null);
                String key = list.getValue() + "#" + concept.getCode();
                if (NO_KUKAR_EQUIVALENT.contains(key)) {
                    assertThatThrownBy(() -> terminology.fromHub("kukar", list.getKey(), hub, "f"))
                            .isInstanceOf(TranslationException.class)
                            .hasMessageContaining(concept.getCode());
                } else {
                    assertThat(KUKAR_LISTS.get(list.getKey()))
                            .as(key)
                            .contains(terminology.fromHub("kukar", list.getKey(), hub, "f"));
                }
            }
        }
    }

    @Test
    void codesThatRoundTripUnchangedAreAllButTheLossyOnes() throws Exception {
        Set<String> lossy = Set.of(
                "pendidikan#2", "pendidikan#6", "pendidikan#7", "pendidikan#9", "pendidikan#10", "hubungan#teman");
        for (Map.Entry<String, List<String>> list : KUKAR_LISTS.entrySet()) {
            for (String code : list.getValue()) {
                Coding hub = terminology.toHub("kukar", list.getKey(), code, "f");
                String back = terminology.fromHub("kukar", list.getKey(), hub, "f");
                if (!lossy.contains(list.getKey() + "#" + code)) {
                    assertThat(back).as(list.getKey() + " " + code).isEqualTo(code);
                }
            }
        }
    }

    @Test
    void isFoundByTheServiceLoaderAsAnHttpMessageReader() {
        List<RegionAdapter> adapters = ServiceLoader.load(RegionAdapter.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(a -> a.format().equals("kukar-json"))
                .toList();

        assertThat(adapters).singleElement().isInstanceOf(KukarJsonAdapter.class);
        assertThat(adapters.get(0).transport()).isEqualTo(Transport.HTTP);
    }
}
