package com.writerstree.gateway.events;

import com.writerstree.contracts.user.v1.UserEvents;
import com.writerstree.gateway.domain.limits.RateLimiter;
import com.writerstree.gateway.domain.sync.FanOut;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.event.IntegrationEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code user-events} (every replica, a group of its own): a deleted or purged account's sockets on this replica are
 * closed ({@code ACCOUNT_DELETED}, 4410); on {@code UserPurged} the user's rate-limit keys are deleted, so a purged
 * account leaves no Redis key naming it.
 */
@ApplicationScoped
public class UserEventsConsumer {

    private static final Logger LOG = Logger.getLogger(UserEventsConsumer.class);

    private final FanOut fanOut;
    private final RateLimiter limits;

    UserEventsConsumer(FanOut fanOut, RateLimiter limits) {
        this.fanOut = fanOut;
        this.limits = limits;
    }

    @Incoming("user-events-in")
    @Blocking(ordered = true)
    public void onUserEvent(String json) {
        Optional<IntegrationEvent> decoded;
        try {
            decoded = EventCodec.decode(json);
        } catch (IllegalArgumentException e) {
            LOG.warn("Malformed user event ignored");
            return;
        }
        decoded.ifPresent(event -> {
            if (event instanceof UserEvents.UserDeletionRequested || event instanceof UserEvents.UserPurged) {
                fanOut.accountGone(event.userId().toString());
            }
            if (event instanceof UserEvents.UserPurged) {
                limits.forgetUser(event.userId().toString()).await().atMost(Duration.ofSeconds(10));
            }
        });
    }
}
