package id.lintas.hub.referral;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code lintas.referrals.overdue}: receivers that have not answered within the response time their
 * agreement sets, for an operator's alert (it is read when scraped, from the database).
 */
@Component
class ResponseTimeMetrics {

    ResponseTimeMetrics(MeterRegistry registry, ReferralRepository referrals) {
        Gauge.builder("lintas.referrals.overdue", referrals, ReferralRepository::overdueCount)
                .description("Routed referrals whose receiver has not answered within the agreement's response time")
                .register(registry);
    }
}
