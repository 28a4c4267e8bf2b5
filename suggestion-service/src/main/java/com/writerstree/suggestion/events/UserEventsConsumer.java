package com.writerstree.suggestion.events;

import com.writerstree.contracts.user.v1.UserEvents.UserPreferencesChanged;
import com.writerstree.contracts.user.v1.UserEvents.UserPurged;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.platform.messaging.PurgeReceipts;
import com.writerstree.suggestion.domain.AdaptationService;
import com.writerstree.suggestion.domain.PreferenceService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * user-events: the wordSuggestions preference, and the end of an account. Only {@code UserPurged} deletes what was
 * learned (with the preference), remembers the account as forgotten (a digest, not the id) and records the purge
 * receipt, in one transaction. {@code UserDeletionRequested} changes nothing: during the 30-day grace period a
 * cancellation restores everything, this service's models included, and the soft-deleted account cannot call
 * {@code /suggestions} meanwhile (its sessions are revoked and logins refused), so nothing is served from them.
 */
@ApplicationScoped
public class UserEventsConsumer {

    private final InboundEvents inbound;
    private final PreferenceService preferences;
    private final AdaptationService adaptation;
    private final PurgeReceipts receipts;

    public UserEventsConsumer(
            InboundEvents inbound,
            PreferenceService preferences,
            AdaptationService adaptation,
            PurgeReceipts receipts) {
        this.inbound = inbound;
        this.preferences = preferences;
        this.adaptation = adaptation;
        this.receipts = receipts;
    }

    @Incoming("user-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply(ContentEventsConsumer.CONSUMER, json, this::apply);
    }

    void apply(IntegrationEvent event) {
        if (event instanceof UserPreferencesChanged e) {
            preferences.changed(e.userId(), e.preferences(), e.occurredAt());
        } else if (event instanceof UserPurged e) {
            adaptation.forgetUser(e.userId(), true);
            preferences.forget(e.userId());
            receipts.complete(e.eventId(), e.userId());
        }
    }
}
