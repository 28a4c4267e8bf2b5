package com.writerstree.platform.messaging;

import com.writerstree.platform.event.IntegrationEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A batch consumer as the services write one: {@link InboundEvents#applyBatch} on every poll of its topic. An event of
 * a user in {@link TestConsumer#POISON} throws in the effect, which fails the whole batch first, then that record
 * alone.
 */
@ApplicationScoped
public class BatchTestConsumer {

    static final String CONSUMER = "platform-messaging-batch-test";

    private final InboundEvents inbound;
    private final Map<UUID, Integer> applied = new ConcurrentHashMap<>();

    public BatchTestConsumer(InboundEvents inbound) {
        this.inbound = inbound;
    }

    @Incoming("messaging-batch-test-in")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbound.applyBatch(CONSUMER, batch, this::effect);
    }

    private void effect(List<IntegrationEvent> events) {
        for (IntegrationEvent event : events) {
            if (TestConsumer.POISON.contains(event.userId())) {
                throw new IllegalStateException("poison event " + event.eventId());
            }
        }
        // counted only once the batch is known to pass (a failed batch's effect is rolled back with it)
        events.forEach(e -> applied.merge(e.eventId(), 1, Integer::sum));
    }

    int applied(UUID eventId) {
        return applied.getOrDefault(eventId, 0);
    }
}
