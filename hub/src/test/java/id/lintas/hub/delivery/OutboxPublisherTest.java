package id.lintas.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

class OutboxPublisherTest {

    private final List<List<UUID>> statements = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();

    private final DeliveryRepository deliveries = new DeliveryRepository(null, null) {
        @Override
        public void markEnqueued(List<UUID> ids) {
            statements.add(List.copyOf(ids));
        }
    };

    /** Records each body sent; the broker is not what these tests are about. */
    private final ProducerTemplate producer = (ProducerTemplate) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ProducerTemplate.class}, (proxy, method, args) -> {
                if (method.getName().equals("sendBody")) {
                    sent.add((String) args[1]);
                }
                return method.getReturnType() == boolean.class ? false : null;
            });

    private static OwedDelivery owed() {
        return new OwedDelivery(UUID.randomUUID(), "ppu");
    }

    private int marked() {
        return statements.stream().mapToInt(List::size).sum();
    }

    @Test
    void deliveriesPublishedMomentsApartAreMarkedInOneStatement() throws Exception {
        OutboxPublisher publisher = new OutboxPublisher(producer, deliveries);
        try {
            for (int i = 0; i < 5; i++) {
                publisher.publish(List.of(owed()));
                Thread.sleep(10);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> marked() == 5);
            assertThat(sent).hasSize(5);
            assertThat(statements).hasSize(1);
        } finally {
            publisher.stop();
        }
    }

    @Test
    void aLoneDeliveryIsMarkedWithinTheLinger() throws Exception {
        OutboxPublisher publisher = new OutboxPublisher(producer, deliveries);
        try {
            long start = System.nanoTime();
            publisher.publish(List.of(owed()));
            await().atMost(Duration.ofSeconds(5)).until(() -> marked() == 1);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(OutboxPublisher.MARK_LINGER.multipliedBy(10));
        } finally {
            publisher.stop();
        }
    }

    @Test
    void whatIsGatheredWhenTheHubStopsIsStillMarked() throws Exception {
        OutboxPublisher publisher = new OutboxPublisher(producer, deliveries);
        publisher.publish(List.of(owed(), owed(), owed()));
        publisher.stop();
        assertThat(marked()).isEqualTo(3);
    }
}
