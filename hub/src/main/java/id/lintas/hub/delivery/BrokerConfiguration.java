package id.lintas.hub.delivery;

import id.lintas.hub.Endpoints;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Redelivery with exponential backoff and a dead-letter queue for every receiver's queue, and a
 * journal that is on disk before a send or a commit returns. An external broker gets the same
 * address settings from its own configuration (see deploy/artemis/broker.xml).
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    /**
     * The hub decides when a delivery is dead (after {@code max-attempts} sends); the broker's own
     * limit is higher, for messages that bounce without a send (another instance holding the claim).
     */
    static final int BROKER_EXTRA_ATTEMPTS = 20;

    @Bean
    ArtemisConfigurationCustomizer deliveryRedelivery(DeliveryProperties delivery) {
        return configuration -> {
            AddressSettings redelivery = new AddressSettings()
                    .setRedeliveryDelay(delivery.redeliveryDelay().toMillis())
                    .setRedeliveryMultiplier(delivery.backoffMultiplier())
                    .setMaxRedeliveryDelay(delivery.maxRedeliveryDelay().toMillis())
                    .setMaxDeliveryAttempts(delivery.maxAttempts() + BROKER_EXTRA_ATTEMPTS)
                    .setDeadLetterAddress(SimpleString.of(Endpoints.DELIVERY_DLQ_NAME));
            configuration.addAddressSetting(Endpoints.RECEIVER_QUEUES_MATCH, redelivery);
            configuration.addAddressSetting(Endpoints.DELIVERY_QUEUE_NAME, new AddressSettings(redelivery));
            configuration.addQueueConfiguration(QueueConfiguration.of(Endpoints.DELIVERY_QUEUE_NAME)
                    .setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true));
            configuration.addQueueConfiguration(QueueConfiguration.of(Endpoints.DELIVERY_DLQ_NAME)
                    .setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true));
            // Production durability (these are Artemis's defaults; stated so no profile can lose them).
            configuration.setJournalSyncTransactional(true);
            configuration.setJournalSyncNonTransactional(true);
            configuration.setJournalDatasync(true);
        };
    }

    /**
     * No client-side buffer of messages: a suspended consumer (an open circuit) leaves its receiver's
     * messages on the broker, where another instance can take them and the sweeper can see them.
     */
    @Bean
    static BeanPostProcessor noConsumerBuffer() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                Object target =
                        bean instanceof CachingConnectionFactory caching ? caching.getTargetConnectionFactory() : bean;
                if (target instanceof ActiveMQConnectionFactory artemis) {
                    artemis.setConsumerWindowSize(0);
                }
                return bean;
            }
        };
    }
}
