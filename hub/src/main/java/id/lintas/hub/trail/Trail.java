package id.lintas.hub.trail;

import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.audit.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A referral's timeline as an auditor reads it: every entry in scope in log order, each with its time,
 * actor, region, agreement and version, outcome and entry index, and per handoff the response due
 * against the time it was answered. Everything here comes from the entries, so it holds no victim's data.
 *
 * @param referral the referral
 * @param sender the participant that sent it
 * @param events the referral's entries, then the context entries (agreements, keys, accounts) they happened under
 * @param handoffs one per receiver in scope
 */
record Trail(UUID referral, String sender, List<Step> events, List<Handoff> handoffs) {

    /**
     * @param index the entry's index in the log, or null while it waits to be sequenced (a few seconds)
     * @param region the Kemendagri code of the actor's participant, when it is one
     * @param responseDue for a routing decision, when the receiver's answer is due
     * @param answered for a routing decision, when that receiver first changed the referral's status
     */
    record Step(
            Long index,
            Instant at,
            String kind,
            AuditEvent.Actor actor,
            String region,
            String sender,
            String receiver,
            String agreement,
            Integer agreementVersion,
            String outcome,
            Instant responseDue,
            Instant answered,
            Map<String, Object> details,
            String commitment) {}

    /**
     * @param met whether it was answered in time: null while not due yet and unanswered, or when no time is set
     */
    record Handoff(
            String receiver,
            String receiverRegion,
            String agreement,
            Integer agreementVersion,
            Instant routedAt,
            Instant responseDue,
            Instant answeredAt,
            String answer,
            Boolean met) {}

    static Trail of(
            UUID referral,
            String sender,
            List<AuditLog.Logged> entries,
            List<AuditLog.Logged> context,
            Function<String, String> regionOf,
            Instant now) {
        Map<String, Instant> answered = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        for (AuditLog.Logged logged : entries) {
            AuditEvent e = logged.event();
            if (e.kind() == AuditKind.STATUS_CHANGED && e.receiver() != null && !answered.containsKey(e.receiver())) {
                answered.put(e.receiver(), e.at());
                answers.put(e.receiver(), e.outcome());
            }
        }
        List<Step> steps = new ArrayList<>();
        List<Handoff> handoffs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (AuditLog.Logged logged : entries) {
            AuditEvent e = logged.event();
            Instant due = null;
            Instant answer = null;
            if (e.kind() == AuditKind.ROUTING_DECIDED && "ROUTED".equals(e.outcome())) {
                Object respondBy = e.details().get("respondBy");
                due = respondBy == null ? null : Instant.parse(respondBy.toString());
                answer = answered.get(e.receiver());
                if (seen.add(e.receiver())) {
                    Boolean met = null;
                    if (due != null && answer != null) {
                        met = !answer.isAfter(due);
                    } else if (due != null && now.isAfter(due)) {
                        met = Boolean.FALSE;
                    }
                    handoffs.add(new Handoff(
                            e.receiver(),
                            regionOf.apply(e.receiver()),
                            e.agreementId(),
                            e.agreementVersion(),
                            e.at(),
                            due,
                            answer,
                            answers.get(e.receiver()),
                            met));
                }
            }
            steps.add(step(logged, regionOf, due, answer));
        }
        context.forEach(logged -> steps.add(step(logged, regionOf, null, null)));
        return new Trail(referral, sender, List.copyOf(steps), List.copyOf(handoffs));
    }

    private static Step step(AuditLog.Logged logged, Function<String, String> regionOf, Instant due, Instant answered) {
        AuditEvent e = logged.event();
        String participant = e.actor() == null ? null : e.actor().participant();
        String commitment = e.commitment() == null
                ? null
                : "hmac-sha256:" + e.commitment().keyId() + ":"
                        + Base64.getEncoder().encodeToString(e.commitment().mac());
        return new Step(
                logged.index().isPresent() ? logged.index().getAsLong() : null,
                e.at(),
                e.kind().name(),
                e.actor(),
                participant == null ? null : regionOf.apply(participant),
                e.sender(),
                e.receiver(),
                e.agreementId(),
                e.agreementVersion(),
                e.outcome(),
                due,
                answered,
                e.details(),
                commitment);
    }
}
