package id.lintas.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Distinct synthetic cases made from the regions' published samples: each keeps its sample's content
 * and gets its own case number (and message or document id), so the hub sees as many different
 * cases. Jakarta's sample, a domestic-violence case no demo agreement covers, becomes a TPPO case
 * (its physical-violence code turned into {@code TPPO}) so the TPPO network routes it home to Kukar.
 */
public final class Cases {

    /** What one sending carries: one case, or for PPU one export file of two cases. */
    public record Unit(EntryPoint entry, List<String> caseNumbers, byte[] body, String fileName) {}

    private static final Pattern PPU_CASE = Pattern.compile("PPU/UPTD/2025/\\d+");

    private final Path samples;
    private final String tag;
    private final ObjectMapper json = new ObjectMapper();

    public Cases(Path sharedDir, String tag) {
        this.samples = sharedDir.resolve("domain").resolve("regions");
        this.tag = tag;
    }

    /** About {@code referrals} cases, a quarter through each entry point, in a shuffled order. */
    List<Unit> units(int referrals, Random random) throws IOException {
        int each = Math.max(1, referrals / 4);
        List<Unit> units = new ArrayList<>();
        for (int i = 1; i <= each; i++) {
            units.add(kukar(i));
            units.add(prabumulih(i));
            units.add(jakarta(i));
        }
        for (int i = 1; i <= (each + 1) / 2; i++) {
            units.add(ppu(i));
        }
        Collections.shuffle(units, random);
        return units;
    }

    public Unit kukar(int n) throws IOException {
        ObjectNode referral = (ObjectNode) json.readTree(sample("kukar-json", "referral-tppo-to-ppu.json"));
        String caseNumber = "KKR/" + tag + "/" + n;
        referral.put("no_registrasi", caseNumber);
        return new Unit(EntryPoint.KUKAR_HTTP, List.of(caseNumber), json.writeValueAsBytes(referral), null);
    }

    public Unit prabumulih(int n) throws IOException {
        String caseNumber = "PBM-SL-" + tag + "-" + n;
        String xml = sample("prabumulih-xml", "kasus-tppo-jakarta.xml")
                .replaceFirst("no_reg=\"[^\"]*\"", "no_reg=\"" + caseNumber + "\"")
                .replaceFirst(
                        "uuid=\"[^\"]*\"",
                        "uuid=\"" + UUID.nameUUIDFromBytes(caseNumber.getBytes(StandardCharsets.UTF_8)) + "\"");
        return new Unit(EntryPoint.PRABUMULIH_XML, List.of(caseNumber), xml.getBytes(StandardCharsets.UTF_8), null);
    }

    public Unit jakarta(int n) throws IOException {
        ObjectNode message = (ObjectNode) json.readTree(sample("jakarta-fhir", "message-rujukan-baru-kukar.json"));
        String caseNumber = "JKT/" + tag + "/" + n;
        message.put("id", "msg-" + tag.toLowerCase() + "-" + n);
        for (JsonNode entry : message.path("entry")) {
            JsonNode resource = entry.path("resource");
            String type = resource.path("resourceType").asText();
            if ("Task".equals(type)) {
                ((ObjectNode) resource.path("identifier").get(0)).put("value", caseNumber);
            } else if ("Condition".equals(type)) {
                for (JsonNode coding : resource.path("code").path("coding")) {
                    if ("KF".equals(coding.path("code").asText())) {
                        ((ObjectNode) coding).put("code", "TPPO");
                    }
                }
            }
        }
        return new Unit(EntryPoint.JAKARTA_FHIR, List.of(caseNumber), json.writeValueAsBytes(message), null);
    }

    private Unit ppu(int n) throws IOException {
        String csv = sample("ppu-csv", "RUJUKAN_20250722_1600.csv");
        Matcher m = PPU_CASE.matcher(csv);
        StringBuilder out = new StringBuilder();
        LinkedHashSet<String> caseNumbers = new LinkedHashSet<>();
        while (m.find()) {
            String caseNumber = m.group() + "-" + tag + "-" + n;
            caseNumbers.add(caseNumber);
            m.appendReplacement(out, Matcher.quoteReplacement(caseNumber));
        }
        m.appendTail(out);
        // A label before the name is allowed by PPU's naming rule, and keeps every export's name apart.
        String fileName = tag + "n" + n + "-RUJUKAN_20250722_1600.csv";
        return new Unit(
                EntryPoint.PPU_FILE,
                List.copyOf(caseNumbers),
                out.toString().getBytes(StandardCharsets.UTF_8),
                fileName);
    }

    /** A published sample's text: {@code domain/regions/<region>/samples/<name>}. */
    public String sample(String region, String name) throws IOException {
        Path file = samples.resolve(region).resolve("samples").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IOException(
                    "sample " + file + " is missing (the regions' samples live in ../shared beside the checkout)");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
