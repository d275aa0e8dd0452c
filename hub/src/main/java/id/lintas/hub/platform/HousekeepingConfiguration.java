package id.lintas.hub.platform;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * The error handling of the housekeeping timer routes (outbox relay, sweepers): a run that finds the
 * database unavailable says so in one line and runs again at its next turn.
 */
@Component
public class HousekeepingConfiguration extends RouteConfigurationBuilder {

    /** The route configuration id a housekeeping route names. */
    public static final String ID = "housekeeping";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(DataAccessException.class, TransactionException.class)
                .handled(true)
                .logExhausted(false)
                .log(
                        LoggingLevel.WARN,
                        "id.lintas.hub.delivery.Housekeeping",
                        "${routeId} skipped: the database does not answer (${exception.class.simpleName})");
    }
}
