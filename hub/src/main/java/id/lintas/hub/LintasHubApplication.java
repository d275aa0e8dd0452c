package id.lintas.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Lintas hub: receives referrals from regions, routes them and delivers them reliably. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LintasHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(LintasHubApplication.class, args);
    }
}
