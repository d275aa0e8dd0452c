package id.lintas.hub.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Purges what the security controls keep only for a while: used assertions' jti and quiet failure counts. */
@Component
class SecurityHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(SecurityHousekeeping.class);

    private final ClientAssertionKeys assertions;
    private final LoginFailures failures;

    SecurityHousekeeping(ClientAssertionKeys assertions, LoginFailures failures) {
        this.assertions = assertions;
        this.failures = failures;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void purge() {
        int jtis = assertions.purgeExpired();
        int quiet = failures.purgeQuiet();
        if (jtis + quiet > 0) {
            log.debug("Purged {} expired assertion ids and {} quiet failure counts", jtis, quiet);
        }
    }
}
