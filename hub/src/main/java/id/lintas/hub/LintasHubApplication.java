package id.lintas.hub;

import id.lintas.hub.account.UsersCommand;
import id.lintas.hub.audit.AuditCommand;
import id.lintas.hub.witness.WitnessCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Lintas hub: receives referrals from regions, routes them and delivers them reliably. With the
 * arguments {@code users add ...} it creates an account instead and exits (README, "Deploying for real"); with
 * {@code audit verify ...} it verifies an export of the audit log offline and exits, with {@code audit witness ...}
 * it witnesses a hub's log once for a region's system and exits (docs/audit.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LintasHubApplication {

    public static void main(String[] args) {
        if (UsersCommand.isCommand(args)) {
            System.exit(UsersCommand.run(args, System.in, System.out, System.err));
        }
        if (WitnessCommand.isCommand(args)) {
            System.exit(WitnessCommand.run(args, System.out, System.err));
        }
        if (AuditCommand.isCommand(args)) {
            System.exit(AuditCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(LintasHubApplication.class, args);
    }
}
