package id.lintas.hub.platform;

import id.lintas.hub.Endpoints;
import id.lintas.hub.delivery.DeliveryProperties;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redelivery with exponential backoff and a dead-letter queue for the embedded broker. An external
 * broker gets the same address settings from its own configuration (see deploy/artemis/broker.xml).
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer deliveryRedelivery(DeliveryProperties delivery) {
        return configuration -> {
            configuration.addAddressSetting(Endpoints.DELIVERY_QUEUE_NAME, new AddressSettings()
                    .setRedeliveryDelay(delivery.redeliveryDelay().toMillis())
                    .setRedeliveryMultiplier(delivery.backoffMultiplier())
                    .setMaxRedeliveryDelay(delivery.maxRedeliveryDelay().toMillis())
                    .setMaxDeliveryAttempts(delivery.maxAttempts())
                    .setDeadLetterAddress(SimpleString.of(Endpoints.DELIVERY_DLQ_NAME)));
            configuration.addQueueConfiguration(QueueConfiguration.of(Endpoints.DELIVERY_QUEUE_NAME)
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
            configuration.addQueueConfiguration(QueueConfiguration.of(Endpoints.DELIVERY_DLQ_NAME)
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
        };
    }
}
