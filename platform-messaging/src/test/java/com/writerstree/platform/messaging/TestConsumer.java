package com.writerstree.platform.messaging;

import com.writerstree.platform.event.IntegrationEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer as the services write one: {@link InboundEvents#apply} on every record of user-events, the effect
 * recorded here. An event of a user in {@link #POISON} throws in its effect (a poison message): the transaction rolls
 * back and the record goes to the dead-letter topic.
 */
@ApplicationScoped
public class TestConsumer {

    static final String CONSUMER = "platform-messaging-test";
    static final Set<UUID> POISON = ConcurrentHashMap.newKeySet();

    private final InboundEvents inbound;
    private final Map<UUID, Integer> applied = new ConcurrentHashMap<>();
    private final List<UUID> order = new CopyOnWriteArrayList<>();

    public TestConsumer(InboundEvents inbound) {
        this.inbound = inbound;
    }

    @Incoming("messaging-test-in")
    @Blocking
    public void consume(String json) {
        inbound.apply(CONSUMER, json, this::effect);
    }

    private void effect(IntegrationEvent event) {
        if (POISON.contains(event.userId())) {
            throw new IllegalStateException("poison event " + event.eventId());
        }
        applied.merge(event.eventId(), 1, Integer::sum);
        order.add(event.eventId());
    }

    /** How often the effect of {@code eventId} ran (and committed, as far as the test can tell). */
    int applied(UUID eventId) {
        return applied.getOrDefault(eventId, 0);
    }
}
