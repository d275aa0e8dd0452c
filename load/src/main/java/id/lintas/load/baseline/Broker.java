package id.lintas.load.baseline;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The baseline's queue: an embedded, persistent Artemis whose journal is on disk before a send or a
 * commit returns (journal sync transactional and non-transactional, datasync, as the hub's
 * {@code BrokerConfiguration}); durable sends, transacted receives, no client-side buffer.
 */
final class Broker implements AutoCloseable {

    static final String QUEUE = "delivery";

    /** One consumer's transacted session. */
    interface Receiver {
        /** The next message within the wait, or null. */
        Delivery next(long waitMillis) throws JMSException;

        void commit() throws JMSException;

        void rollback() throws JMSException;
    }

    record Delivery(String referralId, String sender, String receiver, String bundleJson) {}

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final Connection connection;
    private final ThreadLocal<Sending> sending = new ThreadLocal<>();

    private record Sending(Session session, MessageProducer producer) {}

    Broker(Path dir) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(true);
        configuration.setSecurityEnabled(false);
        configuration.setJMXManagementEnabled(false);
        configuration.setJournalDirectory(dir.resolve("journal").toString());
        configuration.setBindingsDirectory(dir.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
        configuration.setPagingDirectory(dir.resolve("paging").toString());
        configuration.setJournalSyncTransactional(true);
        configuration.setJournalSyncNonTransactional(true);
        configuration.setJournalDatasync(true);
        configuration.addAcceptorConfiguration("in-vm", "vm://0");
        configuration.addQueueConfiguration(
                QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST).setDurable(true));
        server.setConfiguration(configuration);
        server.start();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");
        factory.setConsumerWindowSize(0);
        connection = factory.createConnection();
        connection.start();
    }

    /** A durable send: returns when the broker's journal has it on disk. */
    void send(Delivery delivery) throws JMSException {
        Sending mine = sending.get();
        if (mine == null) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            mine = new Sending(session, producer);
            sending.set(mine);
        }
        BytesMessage message = mine.session().createBytesMessage();
        message.setStringProperty("referralId", delivery.referralId());
        message.setStringProperty("sender", delivery.sender());
        message.setStringProperty("receiver", delivery.receiver());
        message.writeBytes(delivery.bundleJson().getBytes(StandardCharsets.UTF_8));
        mine.producer().send(message);
    }

    Receiver receiver() throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = session.createQueue(QUEUE);
        MessageConsumer consumer = session.createConsumer(queue);
        return new Receiver() {
            @Override
            public Delivery next(long waitMillis) throws JMSException {
                BytesMessage message = (BytesMessage) consumer.receive(waitMillis);
                if (message == null) {
                    return null;
                }
                byte[] body = new byte[(int) message.getBodyLength()];
                message.readBytes(body);
                return new Delivery(
                        message.getStringProperty("referralId"),
                        message.getStringProperty("sender"),
                        message.getStringProperty("receiver"),
                        new String(body, StandardCharsets.UTF_8));
            }

            @Override
            public void commit() throws JMSException {
                session.commit();
            }

            @Override
            public void rollback() throws JMSException {
                session.rollback();
            }
        };
    }

    @Override
    public void close() throws Exception {
        connection.close();
        server.stop();
    }
}
