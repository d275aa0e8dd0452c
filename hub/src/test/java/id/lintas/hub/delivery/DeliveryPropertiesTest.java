package id.lintas.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each receiver's delivery consumers: its own count where one is configured, else the default. */
class DeliveryPropertiesTest {

    private static DeliveryProperties with(Integer perReceiver, Map<String, Integer> consumers) {
        return new DeliveryProperties(
                null, null, null, null, null, null, null, perReceiver, consumers, null, null, null, null, null, null);
    }

    @Test
    void aReceiverNamedUnderConsumersGetsItsOwnCountTheOthersTheDefault() {
        DeliveryProperties properties = with(3, Map.of("jakarta", 8, "ppu", 1));

        assertThat(properties.consumersFor("jakarta")).isEqualTo(8);
        assertThat(properties.consumersFor("ppu")).isEqualTo(1);
        assertThat(properties.consumersFor("kukar")).isEqualTo(3);
    }

    @Test
    void withoutSettingsEveryReceiverGetsFourConsumers() {
        assertThat(with(null, null).consumersFor("kukar")).isEqualTo(4);
    }

    @Test
    void aReceiverWithoutConsumersIsRefusedAtStartup() {
        assertThatThrownBy(() -> with(2, Map.of("ppu", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one delivery consumer");
    }
}
