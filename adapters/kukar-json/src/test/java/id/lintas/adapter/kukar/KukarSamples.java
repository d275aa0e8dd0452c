package id.lintas.adapter.kukar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.mapping.JsonDocuments;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.Participant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/** Kukar's published samples (the outside world, read-only) and the participants the tests use. */
final class KukarSamples {

    static final Participant KUKAR =
            new Participant("kukar", "DP3A Kabupaten Kutai Kartanegara", "64.02", ZoneId.of("Asia/Makassar"));
    static final Participant PPU =
            new Participant("ppu", "UPTD PPA Kabupaten Penajam Paser Utara", "64.09", ZoneId.of("Asia/Makassar"));
    static final Participant PRABUMULIH =
            new Participant("prabumulih", "DP2KBPPPA Kota Prabumulih", "16.74", ZoneId.of("Asia/Jakarta"));

    static final String TPPO = "referral-tppo-to-ppu.json";
    static final String CHILD = "referral-child-sexual-violence.json";
    static final String TWO_VICTIMS = "referral-two-victims.json";
    static final String STATUS_ACCEPTED = "status-accepted.json";

    static final KukarJsonAdapter ADAPTER = new KukarJsonAdapter();

    private KukarSamples() {}

    static Path dir() {
        String shared = System.getProperty("lintas.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("system property lintas.shared.dir is not set (surefire sets it)");
        }
        return Path.of(shared, "domain", "regions", "kukar-json", "samples");
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode json(String name) {
        try {
            return (ObjectNode) JsonDocuments.MAPPER.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode json) {
        try {
            return JsonDocuments.MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(byte[] content) {
        try {
            return JsonDocuments.MAPPER.readTree(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CanonicalReferral read(String name) throws Exception {
        return ADAPTER.readReferral(bytes(name), KUKAR);
    }
}
