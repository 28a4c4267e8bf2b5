package com.writerstree.stats.domain;

import com.writerstree.stats.config.StatsConfig;
import com.writerstree.stats.persistence.AnalyticsRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Spec §2.3: analytics events are kept 12 months. Older ones are deleted (not archived: the aggregates that
 * matter to writers live in writing_streaks and are not affected, and the services' facts can be re-derived from
 * the topics while their retention allows). Runs daily; deletes in batches, each in its own transaction.
 */
@ApplicationScoped
public class AnalyticsRetention {

    private static final Logger LOG = Logger.getLogger(AnalyticsRetention.class);

    private final AnalyticsRepository analytics;
    private final StatsConfig config;
    private final Clock clock;

    public AnalyticsRetention(AnalyticsRepository analytics, StatsConfig config, Clock clock) {
        this.analytics = analytics;
        this.config = config;
        this.clock = clock;
    }

    /** The oldest creation time that stays: {@code months} calendar months before {@code now} (UTC). */
    public static Instant cutoff(Instant now, int months) {
        return now.atZone(ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    @Scheduled(cron = "${stats.retention.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        purge(clock);
    }

    /** Deletes every analytics event older than the retention at {@code now}'s clock; returns how many. */
    public int purge(Clock now) {
        Instant cutoff = cutoff(now.instant(), config.retention().analyticsMonths());
        int batch = config.retention().batchSize();
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> analytics.deleteOlderThan(cutoff, batch));
            total += deleted;
        } while (deleted == batch);
        if (total > 0) {
            LOG.infof("Retention: %d analytics events older than %s deleted", total, cutoff);
        }
        return total;
    }
}
