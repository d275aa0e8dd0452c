package id.lintas.hub.participant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The participants to seed into an empty database at the hub's first start, keyed by participant id
 * ({@code lintas.participants.kukar.*}); afterwards the database is the truth and this is not read.
 */
@Validated
@ConfigurationProperties("lintas")
public record ParticipantProperties(Map<String, @Valid Settings> participants) {

    public ParticipantProperties {
        participants = participants == null ? Map.of() : Map.copyOf(participants);
    }

    /**
     * @param name the organisation's name (display only)
     * @param region Kemendagri code of the region it serves, dotted ({@code 64.02})
     * @param adapter the format id of its adapter ({@code kukar-json})
     * @param endpoint base URL of its HTTP endpoint; absent for file-drop participants
     * @param zone the time zone of its local times without offset ({@code Asia/Makassar} = WITA)
     */
    public record Settings(
            @NotBlank String name,
            @NotBlank String region,
            @NotBlank String adapter,
            URI endpoint,
            ZoneId zone) {}
}
