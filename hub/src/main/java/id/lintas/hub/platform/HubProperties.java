package id.lintas.hub.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir where the embedded PostgreSQL and Artemis keep their data, so a restart keeps it
 */
@ConfigurationProperties("lintas")
public record HubProperties(Path dataDir) {
    public HubProperties {
        dataDir = dataDir == null ? Path.of(".lintas-data") : dataDir;
    }
}
