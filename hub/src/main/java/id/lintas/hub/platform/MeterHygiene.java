package id.lintas.hub.platform;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps {@code /actuator/prometheus} clean for Prometheus' own linter ({@code promtool check metrics}):
 * every metric has a help text, and the few the libraries name against Prometheus' conventions are left
 * out (Spring Security's per-filter event counters, camel-cased after filter classes; two counters whose
 * names carry {@code ms} and {@code ns}; a gauge whose name ends in {@code _count}, which Prometheus keeps
 * for histograms).
 */
@Configuration(proxyBeanMethods = false)
class MeterHygiene {

    private static final Set<String> LEFT_OUT = Set.of("jvm.compilation.time", "process.cpu.time", "system.cpu.count");
    private static final String FILTER_EVENTS = "spring.security.filterchains.";

    /** Help texts of the observations Spring records without one, by name (and its {@code .active} twin). */
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "http.server.requests", "HTTP requests the hub answered, by method, URI template and status",
            "http.client.requests", "HTTP requests the hub sent to regions' servers and providers",
            "spring.security.authentications", "Authentications of callers",
            "spring.security.authorizations", "Authorization decisions on requests",
            "spring.security.filterchains", "Requests through the security filter chains",
            "spring.security.http.secured.requests", "Requests through the secured part of the security filter chain",
            "spring.security.http.unsecured.requests",
                    "Requests through the unsecured part of the security filter chain",
            "tasks.scheduled.execution", "Runs of the hub's scheduled tasks (relays, sweepers, re-encryption)");

    @Bean
    MeterFilter prometheusConventions() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return LEFT_OUT.contains(id.getName()) || id.getName().startsWith(FILTER_EVENTS)
                        ? MeterFilterReply.DENY
                        : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getDescription() != null && !id.getDescription().isBlank()) {
                    return id;
                }
                String name = id.getName();
                boolean active = name.endsWith(".active");
                String base = active ? name.substring(0, name.length() - ".active".length()) : name;
                String description = DESCRIPTIONS.getOrDefault(base, base.replace('.', ' '));
                return new Meter.Id(
                        name,
                        Tags.of(id.getTagsAsIterable()),
                        id.getBaseUnit(),
                        active ? description + ": in progress" : description,
                        id.getType());
            }
        };
    }
}
