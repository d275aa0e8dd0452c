package id.lintas.hub.trail;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.audit.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrailTest {

    private static final UUID REFERRAL = UUID.fromString("6f1c1d7e-0000-4000-8000-000000000001");
    private static final Instant ROUTED = Instant.parse("2026-01-05T08:00:00Z");

    private static AuditLog.Logged logged(long index, AuditEvent event) {
        return new AuditLog.Logged(OptionalLong.of(index), index, event);
    }

    private static AuditEvent routed(String receiver, Instant due) {
        return AuditEvent.of(AuditKind.ROUTING_DECIDED)
                .at(ROUTED)
                .withActor(AuditEvent.Actor.system())
                .withReferral(REFERRAL)
                .withParties("kukar", receiver)
                .withAgreement("pks-kukar-ppu-2024", 2)
                .withOutcome("ROUTED")
                .withDetail("respondBy", due.toString());
    }

    private static AuditEvent answered(String receiver, Instant at) {
        return AuditEvent.of(AuditKind.STATUS_CHANGED)
                .at(at)
                .withActor(receiver, receiver, "PARTICIPANT")
                .withReferral(REFERRAL)
                .withParties("kukar", receiver)
                .withOutcome("ACCEPTED");
    }

    @Test
    void aHandoffAnsweredAfterItsDueTimeIsNotMetAndOneAnsweredInTimeIs() {
        Instant due = ROUTED.plusSeconds(3600);
        Trail trail = Trail.of(
                REFERRAL,
                "kukar",
                List.of(
                        logged(0, routed("ppu", due)),
                        logged(1, routed("jakarta", due)),
                        logged(2, answered("ppu", due.minusSeconds(60))),
                        logged(3, answered("jakarta", due.plusSeconds(60)))),
                List.of(),
                participant -> "ppu".equals(participant) ? "64.09" : "31",
                due.plusSeconds(7200));

        assertThat(trail.handoffs())
                .extracting(Trail.Handoff::receiver, Trail.Handoff::met, Trail.Handoff::answer)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ppu", true, "ACCEPTED"),
                        org.assertj.core.groups.Tuple.tuple("jakarta", false, "ACCEPTED"));
        assertThat(trail.events().get(0).responseDue()).isEqualTo(due);
        assertThat(trail.events().get(0).index()).isZero();
        assertThat(trail.events().get(2).region()).isEqualTo("64.09");
    }

    @Test
    void anUnansweredHandoffIsNotMetOncePastDueAndUndecidedBefore() {
        Instant due = ROUTED.plusSeconds(3600);
        List<AuditLog.Logged> entries = List.of(logged(0, routed("ppu", due)));

        assertThat(Trail.of(REFERRAL, "kukar", entries, List.of(), p -> null, due.minusSeconds(1))
                        .handoffs()
                        .get(0)
                        .met())
                .isNull();
        assertThat(Trail.of(REFERRAL, "kukar", entries, List.of(), p -> null, due.plusSeconds(1))
                        .handoffs()
                        .get(0)
                        .met())
                .isFalse();
    }

    @Test
    void aPartysScopeHoldsTheHandoffsItSentOrReceivedAndOnlyItsOwnOfAnotherSender() {
        TrailScope ppu = new TrailScope("ppu");

        assertThat(ppu.covers("kukar", Set.of("ppu", "jakarta"))).isTrue();
        assertThat(ppu.covers("kukar", Set.of("jakarta"))).isFalse();
        assertThat(TrailScope.NATIONAL.covers("kukar", Set.of("jakarta"))).isTrue();
        assertThat(ppu.shows(routed("ppu", ROUTED), "kukar")).isTrue();
        assertThat(ppu.shows(routed("jakarta", ROUTED), "kukar"))
                .as("another receiver's handoff")
                .isFalse();
        assertThat(new TrailScope("kukar").shows(routed("jakarta", ROUTED), "kukar"))
                .as("the sender sees every handoff")
                .isTrue();
    }
}
