package com.writerstree.suggestion.events;

import com.writerstree.platform.event.DomainEvent;
import com.writerstree.platform.event.UserEvents.UserDeletionRequested;
import com.writerstree.platform.event.UserEvents.UserPreferencesChanged;
import com.writerstree.platform.event.UserEvents.UserPurged;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.suggestion.domain.AdaptationService;
import com.writerstree.suggestion.domain.PreferenceService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * user-events: the wordSuggestions preference; an account asked to be deleted loses what was learned at once, a
 * purged account also can never be learned again.
 */
@ApplicationScoped
public class UserEventsConsumer {

    private final InboundEvents inbound;
    private final PreferenceService preferences;
    private final AdaptationService adaptation;

    public UserEventsConsumer(InboundEvents inbound, PreferenceService preferences, AdaptationService adaptation) {
        this.inbound = inbound;
        this.preferences = preferences;
        this.adaptation = adaptation;
    }

    @Incoming("user-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply(ContentEventsConsumer.CONSUMER, json, this::apply);
    }

    void apply(DomainEvent event) {
        if (event instanceof UserPreferencesChanged e) {
            preferences.changed(e.userId(), e.preferences(), e.occurredAt());
        } else if (event instanceof UserDeletionRequested e) {
            adaptation.forgetUser(e.userId(), false);
        } else if (event instanceof UserPurged e) {
            adaptation.forgetUser(e.userId(), true);
            preferences.forget(e.userId());
        }
    }
}
