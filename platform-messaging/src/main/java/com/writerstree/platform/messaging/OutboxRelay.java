package com.writerstree.platform.messaging;

import com.writerstree.platform.event.EventCodec;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox rows to Kafka, oldest first, and marks them published once Kafka acknowledged them: a pass
 * claims up to {@code batch-size} rows, sends them all, waits for their acknowledgements together and marks them with
 * one statement, in one transaction. A pass runs when a commit that appended events wakes the relay (busy: the commits
 * of {@code busy-linger} go together), when a retry is due, and on a sweep every {@code sweep-interval}; an idle
 * service does not read its outbox in between. While Kafka is unreachable the rows simply wait (with a growing pause
 * between attempts): a save never fails because of Kafka, and no event is lost. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several replicas of a service relay in parallel without sending a row twice in
 * the normal case; a crash between send and mark can resend a row, which consumers recognise by its event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** The W3C trace context header, as the consumers' OpenTelemetry instrumentation reads it. */
    public static final String TRACEPARENT = "traceparent";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MessagingConfig config;

    /**
     * Every {@code kafka.*} setting of the service (bootstrap servers, TLS, SASL, client tuning), as Quarkus
     * hands it to the consumers and the dead-letter producers: the relay's producer uses the same connection
     * settings, so a secured broker needs them only once.
     */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private final Counter published;
    private final Counter failures;
    private final Counter passes;
    private volatile KafkaProducer<String, String> producer;
    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile long backoffMillis;
    private volatile boolean stopping;
    private volatile boolean retryDue;
    private volatile long lastPassNanos;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });

    @Inject
    OutboxRelay(MeterRegistry registry) {
        this.published = Counter.builder("outbox_events_published_total")
                .description("Events relayed from the outbox to Kafka")
                .register(registry);
        this.failures = Counter.builder("outbox_relay_failures_total")
                .description(
                        "Relay attempts that failed (Kafka did not acknowledge in time, or the mark did not commit)")
                .register(registry);
        this.passes = Counter.builder("outbox_relay_passes_total")
                .description("Relay passes that read the outbox (events published / passes = events per pass)")
                .register(registry);
    }

    /**
     * Asks for a relay pass soon: called after each commit that appended events. Passes run one at a time on the
     * relay's own thread; wake-ups during a pass cause one more (which takes everything committed meanwhile).
     */
    public void wake() {
        requested.set(true);
        if (!stopping && running.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /**
     * The relay's clock, without database work of its own: it wakes the relay only when a retry is due (a pass failed:
     * Kafka down, or the mark did not commit) or when the safety-net sweep is due ({@code sweep-interval} since the
     * last pass: rows that no wake-up announced here, e.g. committed by a replica that died before relaying them, or
     * left by the previous run of this one). An idle service thus reads the outbox once per sweep, not once per tick.
     */
    @Scheduled(every = "${writerstree.messaging.outbox.poll-interval:1s}", delayed = "1s")
    void tick() {
        long now = System.nanoTime();
        boolean retry = retryDue && !Instant.now().isBefore(pausedUntil);
        boolean sweep = now - lastPassNanos >= config.outbox().sweepInterval().toNanos() || lastPassNanos == 0;
        if (retry || sweep) {
            wake();
        }
    }

    private void drain() {
        try {
            while (requested.getAndSet(false)) {
                if (relay() > 0) {
                    linger();
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay pass failed: %s", e.getClass().getSimpleName());
        } finally {
            running.set(false);
        }
        if (requested.get()) {
            wake();
        }
    }

    /**
     * After a pass that sent something, the next one waits {@code busy-linger}: under load the saves committed
     * meanwhile go out together (one claim, one send of many records, one mark, one commit) instead of one pass per
     * save. An idle relay sends the first event of a burst at once.
     */
    private void linger() {
        long millis = config.outbox().busyLinger().toMillis();
        if (millis > 0 && !stopping) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One pass: batches until the outbox is drained or Kafka fails. Returns the number of events published. */
    int relay() {
        if (stopping || Instant.now().isBefore(pausedUntil)) {
            return 0; // retryDue stays set: the tick wakes the relay once the pause is over
        }
        lastPassNanos = System.nanoTime();
        passes.increment();
        int batchSize = config.outbox().batchSize();
        int total = 0;
        int sent;
        try {
            do {
                sent = QuarkusTransaction.requiringNew().call(() -> relayBatch(batchSize));
                total += Math.max(0, sent);
            } while (sent == batchSize && !stopping);
        } catch (RuntimeException e) {
            pause(); // the transaction rolled back (e.g. the mark failed): the rows are sent again after the pause
            throw e;
        }
        if (sent >= 0) {
            retryDue = false;
            backoffMillis = 0;
        }
        return total;
    }

    /** After a failed attempt: no pass before a growing pause (250 ms doubling up to max-backoff), then a retry. */
    private void pause() {
        failures.increment();
        backoffMillis = Math.min(
                backoffMillis == 0 ? 250 : backoffMillis * 2,
                config.outbox().maxBackoff().toMillis());
        pausedUntil = Instant.now().plusMillis(backoffMillis);
        retryDue = true;
    }

    private record Pending(long id, String topic, String key, String payload, String traceparent, String userId) {}

    /** Returns the number of rows published, or -1 when Kafka failed (the remaining rows stay for later). */
    int relayBatch(int batchSize) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Pending> rows = claim(c, batchSize);
            if (rows.isEmpty()) {
                return 0;
            }
            List<Long> done = new ArrayList<>(rows.size());
            boolean failed = false;
            try {
                List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
                for (Pending row : rows) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                    if (row.traceparent() != null) {
                        record.headers().add(TRACEPARENT, row.traceparent().getBytes(StandardCharsets.US_ASCII));
                    }
                    if (row.userId() != null) {
                        record.headers()
                                .add(EventCodec.USER_ID_HEADER, row.userId().getBytes(StandardCharsets.US_ASCII));
                    }
                    acks.add(producer().send(record));
                }
                long deadline =
                        System.nanoTime() + config.outbox().sendTimeout().toNanos();
                for (int i = 0; i < rows.size(); i++) {
                    acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    done.add(rows.get(i).id());
                }
            } catch (Exception e) {
                failed = true;
                pause();
                LOG.warnf(
                        "Outbox relay: Kafka did not acknowledge (%s); %d of %d events sent, retrying in %d ms",
                        e.getClass().getSimpleName(), done.size(), rows.size(), backoffMillis);
            }
            if (!done.isEmpty()) {
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE outbox_events SET published_at = now() WHERE id = ANY(?)")) {
                    ps.setArray(1, c.createArrayOf("bigint", done.toArray()));
                    ps.executeUpdate();
                }
                published.increment(done.size());
            }
            if (failed) {
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE outbox_events SET attempts = attempts + 1 WHERE id = ?")) {
                    ps.setLong(1, rows.get(done.size()).id());
                    ps.executeUpdate();
                }
                return -1;
            }
            return done.size();
        }
    }

    private static List<Pending> claim(Connection c, int batchSize) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, topic, event_key, payload, traceparent, user_id FROM outbox_events
                WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            ps.setInt(1, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                List<Pending> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Pending(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)));
                }
                return rows;
            }
        }
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purge() {
        Jdbc.update(
                dataSource,
                "DELETE FROM outbox_events WHERE published_at < now() - make_interval(secs => ?)",
                config.outbox().retention().toSeconds());
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = createProducer();
                }
                p = producer;
            }
        }
        return p;
    }

    private KafkaProducer<String, String> createProducer() {
        return new KafkaProducer<>(producerProperties(kafkaConfig), new StringSerializer(), new StringSerializer());
    }

    /** The relay's delivery guarantees and timeouts: they win over any shared {@code kafka.*} setting. */
    private static final Map<String, String> RELAY_SETTINGS = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
            ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000",
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "4000",
            ProducerConfig.LINGER_MS_CONFIG, "0",
            ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");

    /**
     * Keys Quarkus adds for its TLS registry ({@code kafka.tls-configuration-name}): the SSL engine factory it
     * names reads them from the client's configuration, so they travel along although Kafka does not know them.
     */
    private static final Set<String> QUARKUS_TLS_KEYS = Set.of("tls-configuration-name");

    /**
     * The relay's producer configuration: every producer setting of the shared {@code kafka.*} configuration
     * (bootstrap servers, {@code security.protocol}, {@code sasl.*}, {@code ssl.*}, ...), without the
     * consumer-only ones (group id, offsets reset), with serializers and the relay's own guarantees on top.
     */
    static Properties producerProperties(Map<String, Object> shared) {
        Set<String> producerKeys = ProducerConfig.configNames();
        Properties props = new Properties();
        shared.forEach((key, value) -> {
            if (value != null && (producerKeys.contains(key) || QUARKUS_TLS_KEYS.contains(key))) {
                props.put(key, value);
            }
        });
        props.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        props.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.putAll(RELAY_SETTINGS);
        return props;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        worker.shutdown();
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(2));
        }
    }
}
