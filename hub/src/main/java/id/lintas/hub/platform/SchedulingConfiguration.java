package id.lintas.hub.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.TransactionException;

/** Periodic housekeeping (the agreements' refresh across hub instances, key reloads, purges). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

    /**
     * A housekeeping run that finds the database unavailable says so in one line and runs again at
     * its next turn; anything else is an error with its trace, as before.
     */
    @Bean
    ThreadPoolTaskSchedulerCustomizer quietWhileTheDatabaseIsDown() {
        return scheduler -> scheduler.setErrorHandler(failure -> {
            if (failure instanceof DataAccessException || failure instanceof TransactionException) {
                log.warn(
                        "A scheduled task was skipped: the database does not answer ({})",
                        failure.getClass().getSimpleName());
            } else {
                log.error("A scheduled task failed", failure);
            }
        });
    }
}
