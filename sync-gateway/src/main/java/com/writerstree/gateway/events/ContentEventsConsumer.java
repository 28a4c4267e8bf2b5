package com.writerstree.gateway.events;

import com.writerstree.contracts.content.v1.ContentEvents;
import com.writerstree.gateway.domain.sync.FanOut;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.event.IntegrationEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code content-events} for this replica's sockets. Every replica consumes the topic with a group id of its own
 * ({@code sync-gateway-<uuid>}, latest offsets), so every replica sees every event; its cost follows its own sockets,
 * not the total traffic: a record whose {@code wt-user-id} header (set by the outbox relay) names a user without a
 * local connection is skipped before its bytes are even decoded (records without the header, from older producers,
 * are decoded and dropped as before). The consumer never waits: delivery ({@link FanOut}) is asynchronous.
 *
 * <p>Consumed a poll at a time ({@code batch=true}): SmallRye builds one message per poll instead of one message, one
 * acknowledgement and one tracing span per record, which was most of what a skipped record still cost (issue 12:
 * a replica without the users' sockets spent ~0.48 s of CPU per 1,000 of their saves). Offsets are not committed
 * by the connector: the group is this replica's own and starts at the latest offset anyway.
 */
@ApplicationScoped
public class ContentEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ContentEventsConsumer.class);

    private final FanOut fanOut;
    private final Counter skipped;

    ContentEventsConsumer(FanOut fanOut, MeterRegistry registry) {
        this.fanOut = fanOut;
        this.skipped = Counter.builder("sync_events_skipped_total")
                .description("Content events of users without a connection here, skipped by their header, unread")
                .register(registry);
    }

    @Incoming("content-events-in")
    public void onContentEvents(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                onContentEvent(record);
            } catch (RuntimeException e) {
                // one record's failure must not drop the rest of the poll for this replica's sockets
                LOG.warnf(
                        "Content event at offset %d not delivered: %s",
                        record.offset(), e.getClass().getSimpleName());
            }
        }
    }

    void onContentEvent(ConsumerRecord<String, byte[]> record) {
        String owner = header(record, EventCodec.USER_ID_HEADER);
        if (owner != null && !fanOut.hasUser(owner)) {
            skipped.increment();
            return; // not decoded at all
        }
        if (record.value() == null) {
            return;
        }
        Optional<IntegrationEvent> decoded;
        try {
            decoded = EventCodec.decode(new String(record.value(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            LOG.warn("Malformed content event ignored");
            return;
        }
        decoded.ifPresent(this::dispatch);
    }

    void dispatch(IntegrationEvent event) {
        String userId = event.userId().toString();
        if (event instanceof ContentEvents.ContentSaved saved) {
            fanOut.contentChanged(
                    userId, saved.projectId(), saved.version(), saved.origin(), saved.eventId(), saved.occurredAt());
        } else if (event instanceof ContentEvents.VersionRestored restored) {
            fanOut.contentChanged(
                    userId, restored.projectId(), restored.version(), null, restored.eventId(), restored.occurredAt());
        } else if (event instanceof ContentEvents.MilestoneReached milestone) {
            fanOut.milestoneReached(userId, milestone.projectId(), milestone.milestone(), milestone.wordCount());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }
}
