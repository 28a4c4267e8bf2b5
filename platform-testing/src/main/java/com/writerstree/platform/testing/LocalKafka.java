package com.writerstree.platform.testing;

import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.event.IntegrationEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * The real local Kafka for tests: publish an event the way a producing service's relay would, and watch a
 * topic from "now" on. Topics are the test profile's unless named in full: the {@code test.} prefix, or the one in
 * {@code _TEST_WRITERSTREE_MESSAGING_TOPIC_PREFIX} (the variable that sets the services' test prefix too), so that
 * parallel test runs on one broker do not see each other's events.
 */
public final class LocalKafka {

    public static final String BOOTSTRAP = System.getProperty(
            "kafka.bootstrap.servers", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
    public static final String TEST_PREFIX =
            System.getenv().getOrDefault("_TEST_WRITERSTREE_MESSAGING_TOPIC_PREFIX", "test.");

    private LocalKafka() {}

    /** Sends {@code event} to {@code test.<its topic>} and waits for the broker's acknowledgement. */
    public static void publish(IntegrationEvent event) {
        publish(TEST_PREFIX + event.topic(), event.key(), EventCodec.encode(event));
    }

    /** As the outbox relay sends it: with the {@code wt-user-id} header naming the event's user. */
    public static void publishAsRelay(IntegrationEvent event) {
        publish(
                TEST_PREFIX + event.topic(),
                event.key(),
                EventCodec.encode(event),
                Map.of(EventCodec.USER_ID_HEADER, event.userId().toString()));
    }

    public static void publish(String topic, String key, String payload) {
        publish(topic, key, payload, Map.of());
    }

    /** Sends one record with the given headers (US-ASCII values) and waits for the broker's acknowledgement. */
    public static void publish(String topic, String key, String payload, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.US_ASCII)));
        publishRecords(List.of(record));
    }

    /**
     * Sends {@code events} to their {@code test.<topic>} at once (one producer, no wait between them, in this order
     * per key), and waits for the broker's acknowledgement of all: a consumer tends to poll them as one batch.
     */
    public static void publishAll(List<? extends IntegrationEvent> events) {
        publishRecords(events.stream()
                .map(e -> new ProducerRecord<>(TEST_PREFIX + e.topic(), e.key(), EventCodec.encode(e)))
                .toList());
    }

    /** Sends {@code records} at once, in this order, and waits for the broker's acknowledgement of all. */
    public static void publishRecords(List<ProducerRecord<String, String>> records) {
        Properties props = new Properties();
        props.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP, ProducerConfig.ACKS_CONFIG, "all"));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<?>> acks = new ArrayList<>(records.size());
            for (ProducerRecord<String, String> record : records) {
                acks.add(producer.send(record));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not accept the test events", e);
        }
    }

    /** Starts watching {@code topic} from its current end; close it when done. */
    public static Watcher watch(String topic) {
        return new Watcher(topic);
    }

    public static final class Watcher implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        private Watcher(String topic) {
            Properties props = new Properties();
            props.putAll(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    BOOTSTRAP,
                    ConsumerConfig.GROUP_ID_CONFIG,
                    "test-watcher-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "latest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    "false"));
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
        }

        /** Waits until a payload matching {@code wanted} arrives; returns every payload seen so far. */
        public List<String> awaitMatch(Predicate<String> wanted, Duration timeout) {
            awaitRecord(wanted, timeout);
            return seen.stream().map(ConsumerRecord::value).toList();
        }

        /**
         * Absence: no record whose payload matches {@code unwanted} arrives during {@code window} (Awaitility
         * {@code during}: polls the whole window and fails at the first match, never sleep-then-look).
         */
        public void assertNoMatch(Predicate<String> unwanted, Duration window) {
            Awaitility.await("no matching record for " + window)
                    .during(window)
                    .atMost(window.plusSeconds(5))
                    .pollInterval(Duration.ofMillis(100))
                    .pollInSameThread() // the consumer belongs to the test's thread
                    .until(() -> {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                            seen.add(r);
                        }
                        return seen.stream().map(ConsumerRecord::value).noneMatch(unwanted);
                    });
        }

        /** Waits until {@code n} records whose payload matches {@code wanted} arrived; returns them in arrival order. */
        public List<ConsumerRecord<String, String>> awaitRecords(Predicate<String> wanted, int n, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                List<ConsumerRecord<String, String>> matching =
                        seen.stream().filter(r -> wanted.test(r.value())).toList();
                if (matching.size() >= n) {
                    return matching;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(
                            n + " matching messages expected within " + timeout + "; saw " + matching.size());
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r);
                }
            }
        }

        /** Waits until a record whose payload matches {@code wanted} arrives, and returns it (headers included). */
        public ConsumerRecord<String, String> awaitRecord(Predicate<String> wanted, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                for (ConsumerRecord<String, String> r : seen) {
                    if (wanted.test(r.value())) {
                        return r;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("No matching message within " + timeout + "; saw " + seen.size());
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r);
                }
            }
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
