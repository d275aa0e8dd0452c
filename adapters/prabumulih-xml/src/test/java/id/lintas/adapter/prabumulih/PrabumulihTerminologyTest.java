package id.lintas.adapter.prabumulih;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.spi.MessageReader;
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

/** The ConceptMaps prabumulih-to-hub and hub-to-prabumulih against FORMAT.md and the hub's CodeSystems. */
class PrabumulihTerminologyTest {

    /** Every code of every Prabumulih list, as FORMAT.md version 2 publishes them. */
    private static final Map<String, List<String>> PRABUMULIH_LISTS = Map.ofEntries(
            Map.entry("jenis_rujukan", List.of("RUJUKAN", "PELIMPAHAN")),
            Map.entry("media_pengaduan", List.of("A", "B", "C", "D", "E", "F", "G")),
            Map.entry("prioritas", List.of("1", "2", "3")),
            Map.entry("jenis_kelamin", List.of("1", "2")),
            Map.entry("pendidikan", List.of("SD", "SMP", "SMA", "D3", "S1", "TIDAK_SEKOLAH")),
            Map.entry("disabilitas", List.of("FISIK", "INTELEKTUAL", "MENTAL", "SENSORIK", "GANDA")),
            Map.entry("hubungan", List.of("01", "02", "03", "04", "05", "06", "07", "08", "99")),
            Map.entry("kategori_lokasi", List.of("RT", "TK", "SK", "FU", "DR", "LN")),
            Map.entry("jenis_kekerasan", List.of("101", "102", "103", "104", "105", "106", "199")),
            Map.entry("layanan", List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11")),
            Map.entry("persetujuan_oleh", List.of("KLIEN", "ORANG_TUA", "WALI", "PENDAMPING")),
            Map.entry("status", List.of("DITERIMA", "DITOLAK", "SELESAI", "DIBATALKAN")));

    /** The hub CodeSystem each Prabumulih list maps to. */
    private static final Map<String, String> HUB_SYSTEM = Map.ofEntries(
            Map.entry("jenis_rujukan", Canonical.CS_REFERRAL_KIND),
            Map.entry("media_pengaduan", Canonical.CS_INTAKE_CHANNEL),
            Map.entry("prioritas", Canonical.CS_URGENCY),
            Map.entry("jenis_kelamin", "http://hl7.org/fhir/administrative-gender"),
            Map.entry("pendidikan", Canonical.CS_EDUCATION),
            Map.entry("disabilitas", Canonical.CS_DISABILITY),
            Map.entry("hubungan", Canonical.CS_RELATIONSHIP),
            Map.entry("kategori_lokasi", Canonical.CS_INCIDENT_PLACE),
            Map.entry("jenis_kekerasan", Canonical.CS_VIOLENCE_FORM),
            Map.entry("layanan", Canonical.CS_SERVICE),
            Map.entry("persetujuan_oleh", Canonical.CS_CONSENT_GIVER),
            Map.entry("status", "http://hl7.org/fhir/task-status"));

    /** Hub codes Prabumulih cannot express: deliberately absent from hub-to-prabumulih. */
    private static final Set<String> NO_PRABUMULIH_EQUIVALENT = Set.of(
            Canonical.CS_SERVICE + "#PENJANGKAUAN",
            Canonical.CS_SERVICE + "#PENGELOLAAN_KASUS",
            Canonical.CS_SERVICE + "#MEDIASI",
            Canonical.CS_SERVICE + "#PENDAMPINGAN",
            Canonical.CS_SERVICE + "#PEMBERDAYAAN_EKONOMI",
            Canonical.CS_SERVICE + "#VISUM",
            Canonical.CS_INTAKE_CHANNEL + "#PANIC_BUTTON",
            // Prabumulih says "unknown education" by leaving pendidikan out; the adapter does that, not the map.
            Canonical.CS_EDUCATION + "#TIDAK_DIKETAHUI");

    private final Terminology terminology = Terminology.standard();

    @Test
    void everyPrabumulihCodeMapsToACodeOfTheHubsCodeSystem() throws Exception {
        for (Map.Entry<String, List<String>> list : PRABUMULIH_LISTS.entrySet()) {
            for (String code : list.getValue()) {
                Coding hub = terminology.toHub("prabumulih", list.getKey(), code, list.getKey());
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
    void codesOutsideFormatMdAreUnknown() {
        assertThatThrownBy(() ->
                        terminology.toHub("prabumulih", "layanan", "12", "/kasus/layanan_diminta/layanan[1]/@kode"))
                .isInstanceOf(TranslationException.class)
                .hasMessage("/kasus/layanan_diminta/layanan[1]/@kode: unknown code '12'");
        assertThatThrownBy(() -> terminology.toHub("prabumulih", "media_pengaduan", "H", "f"))
                .isInstanceOf(TranslationException.class);
        assertThatThrownBy(() -> terminology.toHub("prabumulih", "hubungan", "00", "f"))
                .isInstanceOf(TranslationException.class);
    }

    @Test
    void everyHubCodeGoesBackToPrabumulihUnlessPrabumulihHasNoWordForIt() throws Exception {
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
                if (NO_PRABUMULIH_EQUIVALENT.contains(key)) {
                    assertThatThrownBy(() -> terminology.fromHub("prabumulih", list.getKey(), hub, "f"))
                            .as(key)
                            .isInstanceOf(TranslationException.class)
                            .hasMessageContaining(concept.getCode());
                } else {
                    assertThat(PRABUMULIH_LISTS.get(list.getKey()))
                            .as(key)
                            .contains(terminology.fromHub("prabumulih", list.getKey(), hub, "f"));
                }
            }
        }
    }

    @Test
    void codesThatRoundTripUnchangedAreAllButTheLossyOnes() throws Exception {
        // D3 goes back as S1 (the hub keeps one higher-education code); the psychiatrist (10) as
        // psychological accompaniment (08).
        Set<String> lossy = Set.of("pendidikan#D3", "layanan#10");
        for (Map.Entry<String, List<String>> list : PRABUMULIH_LISTS.entrySet()) {
            for (String code : list.getValue()) {
                Coding hub = terminology.toHub("prabumulih", list.getKey(), code, "f");
                String back = terminology.fromHub("prabumulih", list.getKey(), hub, "f");
                if (lossy.contains(list.getKey() + "#" + code)) {
                    assertThat(back).as(list.getKey() + " " + code).isNotEqualTo(code);
                } else {
                    assertThat(back).as(list.getKey() + " " + code).isEqualTo(code);
                }
            }
        }
    }

    @Test
    void isFoundByTheServiceLoaderAsAnHttpMessageReader() {
        List<RegionAdapter> adapters = ServiceLoader.load(RegionAdapter.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(a -> a.format().equals("prabumulih-xml"))
                .toList();

        assertThat(adapters)
                .singleElement()
                .isInstanceOf(PrabumulihXmlAdapter.class)
                .isInstanceOf(MessageReader.class);
        assertThat(adapters.get(0).transport()).isEqualTo(Transport.HTTP);
    }
}
