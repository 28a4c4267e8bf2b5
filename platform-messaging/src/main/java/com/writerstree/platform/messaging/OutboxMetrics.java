package com.writerstree.platform.messaging;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * What the outbox is holding back: the number of events not yet acknowledged by Kafka and the age of the oldest.
 * Relay failures alone do not say whether events wait (a failure may be retried at once); the oldest pending
 * event's age is what a writer notices (a word count that does not move). Read with one query over the partial
 * index of unpublished rows, on a timer rather than at each scrape, so that a scrape never waits on the database.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final AgroalDataSource dataSource;
    private volatile double pending = Double.NaN;
    private volatile double oldestAgeSeconds = Double.NaN;

    OutboxMetrics(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("outbox_pending_events", this, m -> m.pending)
                .description("Outbox events not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("outbox_oldest_pending_age_seconds", this, m -> m.oldestAgeSeconds)
                .description("Age of the oldest outbox event not yet acknowledged by Kafka (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(every = "${writerstree.messaging.outbox.metrics-interval:15s}", delayed = "2s")
    void refresh() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)
                        FROM outbox_events WHERE published_at IS NULL""");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            pending = rs.getLong(1);
            oldestAgeSeconds = Math.max(0, rs.getDouble(2));
        } catch (SQLException | RuntimeException e) {
            // the gauges go blank (NaN) rather than showing a stale "all is well"
            pending = Double.NaN;
            oldestAgeSeconds = Double.NaN;
            LOG.debugf("Outbox metrics not refreshed: %s", e.getClass().getSimpleName());
        }
    }

    /** Refreshes now (tests; the timer does it in production). */
    public void refreshNow() {
        refresh();
    }
}
