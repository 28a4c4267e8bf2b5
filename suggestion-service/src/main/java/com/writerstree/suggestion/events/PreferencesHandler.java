package com.writerstree.suggestion.events;

import com.writerstree.contracts.user.v1.UserEvents.UserPreferencesChanged;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.messaging.userdata.UserEventHandler;
import com.writerstree.suggestion.domain.PreferenceService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * user-events, through the shared consumer of platform-messaging ({@code writerstree.user-data.shared}): the
 * wordSuggestions preference. The end of an account is {@link com.writerstree.suggestion.domain.SuggestionUserData}'s:
 * only {@code UserPurged} deletes what was learned. {@code UserDeletionRequested} changes nothing: during the 30-day
 * grace period a cancellation restores everything, this service's models included, and the soft-deleted account
 * cannot call {@code /suggestions} meanwhile (its sessions are revoked and logins refused).
 */
@ApplicationScoped
public class PreferencesHandler implements UserEventHandler {

    private final PreferenceService preferences;

    public PreferencesHandler(PreferenceService preferences) {
        this.preferences = preferences;
    }

    @Override
    public void handle(IntegrationEvent event) {
        if (event instanceof UserPreferencesChanged e) {
            preferences.changed(e.userId(), e.preferences(), e.occurredAt());
        }
    }
}
