package com.writerstree.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "writerstree.messaging")
public interface MessagingConfig {

    /** Prepended to every logical topic name, so that several environments can share one broker. */
    Optional<String> topicPrefix();

    Outbox outbox();

    Inbox inbox();

    interface Outbox {
        /** Most events relayed in one transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long the relay waits for Kafka to acknowledge a batch before it retries later. */
        @WithDefault("5s")
        Duration sendTimeout();

        /** Longest pause between two attempts while Kafka is unreachable. */
        @WithDefault("5s")
        Duration maxBackoff();

        /** How long published events are kept for inspection before they are purged. */
        @WithDefault("P1D")
        Duration retention();

        /**
         * How often the relay looks at its clock (a scheduler interval, read by {@code OutboxRelay.tick}): the
         * granularity of retries after a failure and of the sweep. A tick does no database work of its own.
         */
        @WithDefault("1s")
        String pollInterval();

        /**
         * The safety net: at most this long between two reads of the outbox when no commit woke the relay (rows
         * committed by a replica that died before relaying them; a commit of this process wakes it at once).
         */
        @WithDefault("30s")
        Duration sweepInterval();

        /**
         * After a pass that sent events, the relay waits this long before the next one, so that the events committed
         * meanwhile are claimed, sent and marked together (a busy service's commits batched; 0 = no wait).
         */
        @WithDefault("20ms")
        Duration busyLinger();

        /** How often the pending-events gauges are read (a scheduler interval, {@code OutboxMetrics}). */
        @WithDefault("15s")
        String metricsInterval();
    }

    interface Inbox {
        /** How long processed event ids are remembered (far longer than any redelivery window). */
        @WithDefault("P14D")
        Duration retention();
    }
}
