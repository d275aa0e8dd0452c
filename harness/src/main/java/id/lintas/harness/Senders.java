package id.lintas.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The regions' systems sending: each sends a case until the hub answers it, as a region's system does:
 * no answer, a 5xx or a refused token means the same case (same case number and revision) is sent again;
 * a 4xx other than 401 and 429 is a refusal. A PPU export waits for its receipt; an export the hub took
 * without a receipt is exported again under a new file name.
 */
final class Senders {

    private static final Duration RECEIPT_WAIT = Duration.ofSeconds(45);

    private final HttpClient http;
    private final String hub;
    private final Tokens tokens;
    private final Ledger ledger;
    private final PpuFolders ppu;
    private final ObjectMapper json = new ObjectMapper();

    Senders(HttpClient http, String hub, Tokens tokens, Ledger ledger, PpuFolders ppu) {
        this.http = http;
        this.hub = hub;
        this.tokens = tokens;
        this.ledger = ledger;
        this.ppu = ppu;
    }

    void send(Cases.Unit unit, Instant deadline) throws InterruptedException, IOException {
        if (unit.entry() == EntryPoint.PPU_FILE) {
            export(unit, deadline);
        } else {
            post(unit, deadline);
        }
    }

    private void post(Cases.Unit unit, Instant deadline) throws InterruptedException {
        String caseNumber = unit.caseNumbers().get(0);
        String sender = unit.entry().sender();
        URI target = URI.create(hub
                + switch (unit.entry()) {
                    case JAKARTA_FHIR -> "/fhir/$process-message";
                    default -> "/api/v1/participants/" + sender + "/referrals";
                });
        String contentType = switch (unit.entry()) {
            case JAKARTA_FHIR -> "application/fhir+json";
            case PRABUMULIH_XML -> "application/xml";
            default -> "application/json";
        };
        long pause = 250;
        while (Instant.now().isBefore(deadline)) {
            String token;
            try {
                token = tokens.token(sender);
            } catch (IOException e) {
                Thread.sleep(pause = backoff(pause));
                continue;
            }
            ledger.sent(caseNumber);
            HttpResponse<String> answer;
            try {
                answer = http.send(
                        HttpRequest.newBuilder(target)
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", contentType)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(unit.body()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                ledger.noAnswer();
                Thread.sleep(pause = backoff(pause));
                continue;
            }
            int status = answer.statusCode();
            if (status / 100 == 2) {
                answered(caseNumber, unit.entry(), answer.body());
                return;
            }
            if (status == 401) {
                tokens.invalidate(sender);
            } else if (status == 429) {
                Thread.sleep(answer.headers().firstValueAsLong("Retry-After").orElse(1) * 1000);
            } else if (status >= 500) {
                ledger.serverError();
                Thread.sleep(pause = backoff(pause));
            } else {
                ledger.refused(caseNumber, "HTTP " + status);
                return;
            }
        }
    }

    /** The hub's answer: its id for the case, and whether it routed it. */
    private void answered(String caseNumber, EntryPoint entry, String body) {
        try {
            JsonNode answer = json.readTree(body);
            String hubId;
            boolean routed;
            if (entry == EntryPoint.JAKARTA_FHIR) {
                JsonNode task = null;
                for (JsonNode e : answer.path("entry")) {
                    if ("Task".equals(e.path("resource").path("resourceType").asText())) {
                        task = e.path("resource");
                    }
                }
                if (task == null) {
                    ledger.refused(caseNumber, "answer without a Task");
                    return;
                }
                hubId = task.path("identifier").path(0).path("value").asText();
                routed = "requested".equals(task.path("status").asText());
            } else {
                hubId = answer.path("referralId").asText();
                routed = "REQUESTED".equals(answer.path("status").asText());
            }
            if (routed) {
                ledger.accepted(caseNumber, hubId);
            } else {
                ledger.refused(caseNumber, "recorded, not routed");
            }
        } catch (IOException e) {
            ledger.refused(caseNumber, "unreadable answer");
        }
    }

    private void export(Cases.Unit unit, Instant deadline) throws IOException, InterruptedException {
        int export = 0;
        String fileName = unit.fileName();
        ppu.drop(fileName, unit.body());
        unit.caseNumbers().forEach(ledger::sent);
        Instant takenAt = null;
        while (Instant.now().isBefore(deadline) && !answered(unit.caseNumbers())) {
            if (ppu.waiting(fileName)) {
                takenAt = null;
            } else if (takenAt == null) {
                takenAt = Instant.now();
            } else if (Instant.now().isAfter(takenAt.plus(RECEIPT_WAIT)) && export < 3) {
                // Taken, never acknowledged: PPU exports the same cases again.
                export++;
                fileName = unit.fileName().replace("-RUJUKAN_", "r" + export + "-RUJUKAN_");
                ppu.drop(fileName, unit.body());
                unit.caseNumbers().forEach(ledger::sent);
                takenAt = null;
            }
            Thread.sleep(250);
        }
    }

    private boolean answered(List<String> caseNumbers) {
        return caseNumbers.stream().allMatch(ledger::answered);
    }

    /** After recovery: does the hub still know each accepted case? Asked as its sender. */
    void checkRecord(String caseNumber, String hubId, Instant deadline) throws InterruptedException {
        String sender = ledger.entry(caseNumber).sender();
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> answer = http.send(
                        HttpRequest.newBuilder(URI.create(hub + "/api/v1/referrals/" + hubId))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + tokens.token(sender))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                int status = answer.statusCode();
                if (status == 200 || status == 404) {
                    ledger.recorded(caseNumber, status == 200);
                    return;
                }
                if (status == 401) {
                    tokens.invalidate(sender);
                } else {
                    Thread.sleep(
                            answer.headers().firstValueAsLong("Retry-After").orElse(1) * 1000);
                }
            } catch (IOException e) {
                Thread.sleep(1000);
            }
        }
        ledger.uncheckedRecord();
    }

    private static long backoff(long pause) {
        return Math.min(2000, pause * 2);
    }
}
