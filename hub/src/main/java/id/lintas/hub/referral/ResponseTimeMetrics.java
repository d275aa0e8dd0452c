package id.lintas.hub.referral;

import id.lintas.hub.participant.ParticipantDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code lintas.referrals.overdue}, tagged {@code receiver}: routed referrals whose receiver has not
 * answered within the response time their agreement sets, for an operator's alert per receiver. Read
 * from the database when scraped. Every connected participant has its gauge from the start (0 until
 * an answer is late); a receiver connected later, or one no longer connected with answers still
 * late, gets its own within a minute.
 */
@Component
class ResponseTimeMetrics {

    private final MeterRegistry meters;
    private final ReferralRepository referrals;
    private final ParticipantDirectory participants;
    private final Set<String> receivers = ConcurrentHashMap.newKeySet();

    ResponseTimeMetrics(MeterRegistry meters, ReferralRepository referrals, ParticipantDirectory participants) {
        this.meters = meters;
        this.referrals = referrals;
        this.participants = participants;
        participants.all().forEach(participant -> register(participant.id()));
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void registerReceiversSeenSinceStart() {
        participants.all().forEach(participant -> register(participant.id()));
        referrals.receiversWithOverdueAnswers().forEach(this::register);
    }

    private void register(String receiver) {
        if (receivers.add(receiver)) {
            Gauge.builder("lintas.referrals.overdue", () -> referrals.overdueCount(receiver))
                    .description(
                            "Routed referrals whose receiver has not answered within the agreement's response time, by receiver")
                    .tag("receiver", receiver)
                    .register(meters);
        }
    }
}
