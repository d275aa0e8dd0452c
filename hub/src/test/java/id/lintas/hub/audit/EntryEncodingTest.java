package id.lintas.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The entry bytes of docs/audit.md, "Entry": RFC 8785 canonical JSON, decoded only when canonical. */
class EntryEncodingTest {

    private static final UUID REFERRAL = UUID.fromString("0b7e4a52-3c1d-4e8f-9a2b-6d5c4b3a2f10");

    private static AuditEvent routed() {
        return AuditEvent.of(AuditKind.ROUTING_DECIDED)
                .at(Instant.parse("2026-12-01T22:30:00.123456789Z"))
                .withActor(AuditEvent.Actor.system())
                .withReferral(REFERRAL)
                .withParties("kukar", "ppu")
                .withAgreement("pks-kukar-ppu-2024", 2)
                .withOutcome("REFUSED")
                .withDetail("failedClauses", List.of("c-2", "c-10"))
                .withDetail("attempt", 3)
                .withCommitment(new AuditEvent.Commitment("12345", new byte[32]));
    }

    @Test
    void anEntryIsCanonicalJsonWithSortedMembersNoSpaceAndMicroseconds() {
        assertThat(new String(EntryEncoding.encode(routed()), StandardCharsets.UTF_8))
                .isEqualTo("{"
                        + "\"actor\":{\"account\":\"hub\",\"role\":\"SYSTEM\"},"
                        + "\"agreement\":{\"id\":\"pks-kukar-ppu-2024\",\"version\":2},"
                        + "\"at\":\"2026-12-01T22:30:00.123456Z\","
                        + "\"commitment\":{\"alg\":\"HMAC-SHA256\",\"key\":\"12345\",\"mac\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"},"
                        + "\"details\":{\"attempt\":3,\"failedClauses\":[\"c-2\",\"c-10\"]},"
                        + "\"kind\":\"ROUTING_DECIDED\","
                        + "\"outcome\":\"REFUSED\","
                        + "\"receiver\":\"ppu\","
                        + "\"referral\":\"0b7e4a52-3c1d-4e8f-9a2b-6d5c4b3a2f10\","
                        + "\"sender\":\"kukar\","
                        + "\"v\":1}");
    }

    @Test
    void decodingGivesTheEventBackAndRefusesBytesThatAreNotCanonical() {
        byte[] bytes = EntryEncoding.encode(routed());
        AuditEvent decoded = EntryEncoding.decode(bytes);
        assertThat(decoded.details())
                .containsEntry("failedClauses", List.of("c-2", "c-10"))
                .containsEntry("attempt", 3L);
        assertThat(EntryEncoding.encode(decoded)).isEqualTo(bytes);

        String spaced = new String(bytes, StandardCharsets.UTF_8).replace(",\"v\":1}", ", \"v\":1}");
        assertThatThrownBy(() -> EntryEncoding.decode(spaced.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("canonical");
        String reordered = "{\"v\":1,"
                + new String(bytes, StandardCharsets.UTF_8).substring(1).replace(",\"v\":1}", "}");
        assertThatThrownBy(() -> EntryEncoding.decode(reordered.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("canonical");
    }

    @Test
    void stringsAreEscapedAsEcmaScriptDoesAndFreeTextIsRefused() {
        AuditEvent odd = AuditEvent.of(AuditKind.STATUS_CHANGED)
                .at(Instant.EPOCH)
                .withOutcome("a\"b\\c\u0001\n\u20ac\uD83D\uDE00");
        assertThat(new String(EntryEncoding.encode(odd), StandardCharsets.UTF_8))
                .contains("\"outcome\":\"a\\\"b\\\\c\\u0001\\n\u20ac\uD83D\uDE00\"");
        assertThatThrownBy(() -> EntryEncoding.encode(odd.withOutcome("\uD800")))
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> odd.withDetail("note", "x".repeat(201))).hasMessageContaining("never free text");
        assertThatThrownBy(() -> odd.withDetail("bad key", "x")).hasMessageContaining("key");
    }
}
