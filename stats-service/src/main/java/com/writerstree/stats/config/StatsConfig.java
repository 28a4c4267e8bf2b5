package com.writerstree.stats.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "stats")
public interface StatsConfig {

    Analytics analytics();

    Retention retention();

    /** Budget of the serialized GET /users/me/stats responses kept in memory (UserStatsCache). */
    @WithDefault("32")
    int readCacheMegabytes();

    interface Analytics {
        /** Largest eventData accepted, in bytes of JSON. */
        @WithDefault("4096")
        int maxEventDataBytes();

        /** Client events accepted per user per minute (429 RATE_LIMIT_EXCEEDED above). */
        @WithDefault("120")
        int maxEventsPerMinute();
    }

    interface Retention {
        /** Analytics events older than this many months are deleted (spec §2.3: 12 months). */
        @WithDefault("12")
        int analyticsMonths();

        /** When the retention job runs (Quarkus cron, default daily at 03:17). */
        @WithDefault("0 17 3 * * ?")
        String cron();

        /** Rows deleted per statement, so the job never holds long locks. */
        @WithDefault("5000")
        int batchSize();
    }
}
