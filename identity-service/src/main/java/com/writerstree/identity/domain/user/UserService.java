package com.writerstree.identity.domain.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.writerstree.identity.events.IdentityEventPublisher;
import com.writerstree.identity.persistence.User;
import com.writerstree.identity.persistence.UserRepository;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

@ApplicationScoped
public class UserService {

    public static final int FULL_NAME_MAX_LENGTH = FullNames.MAX_LENGTH;

    private static final Logger LOG = Logger.getLogger(UserService.class);

    private final UserRepository users;
    private final IdentityEventPublisher events;

    public UserService(UserRepository users, IdentityEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    /**
     * The caller's profile. A valid token of an account that no longer exists (deleted) is answered like an
     * invalid token, so that the client signs in again.
     */
    @Transactional
    public User profile(UUID userId) {
        return active(userId);
    }

    /**
     * Renames and/or merges preferences; publishes UserPreferencesChanged (time zone + all preferences) in the
     * same transaction when the preferences really changed.
     */
    @Transactional
    public User update(UUID userId, String fullName, JsonNode preferences) {
        Instant now = Instant.now();
        User user = active(userId);
        if (fullName != null) {
            user.rename(FullNames.normalize("fullName", fullName), now);
        }
        if (preferences != null && !preferences.isNull()) {
            Map<String, Object> stored = user.preferences;
            Map<String, Object> merged = Preferences.merge(stored, preferences);
            if (!merged.equals(stored)) {
                user.replacePreferences(merged, now);
                Map<String, Object> effective = Preferences.withDefaults(merged);
                events.userPreferencesChanged(userId, (String) effective.get(Preferences.TIMEZONE), effective);
                LOG.infof("Preferences of user %s changed", userId);
            }
        }
        return user;
    }

    private User active(UUID userId) {
        return users.findActive(userId).orElseThrow(() -> new ApiException(ErrorCode.INVALID_TOKEN));
    }
}
