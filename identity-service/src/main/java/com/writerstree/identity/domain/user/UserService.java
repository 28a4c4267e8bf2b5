package com.writerstree.identity.domain.user;

import com.writerstree.identity.api.ProfileUpdate;
import com.writerstree.identity.api.UserProfile;
import com.writerstree.identity.persistence.User;
import com.writerstree.identity.persistence.UserRepository;

import com.writerstree.identity.events.IdentityEventPublisher;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

@ApplicationScoped
public class UserService {

    public static final int FULL_NAME_MAX_LENGTH = FullNames.MAX_LENGTH;

    private static final Logger LOG = Logger.getLogger(UserService.class);

    @Inject
    UserRepository users;

    @Inject
    IdentityEventPublisher events;

    /**
     * The caller's profile. A valid token of an account that no longer exists (deleted) is answered like an
     * invalid token, so that the client signs in again.
     */
    @Transactional
    public UserProfile profile(UUID userId) {
        return UserProfile.of(active(userId), Instant.now());
    }

    /**
     * Renames and/or merges preferences; publishes UserPreferencesChanged (time zone + all preferences) in the
     * same transaction when the preferences really changed.
     */
    @Transactional
    public UserProfile update(UUID userId, ProfileUpdate update) {
        Instant now = Instant.now();
        User user = active(userId);
        if (update.fullName() != null) {
            user.rename(FullNames.normalize("fullName", update.fullName()), now);
        }
        if (update.preferences() != null && !update.preferences().isNull()) {
            Map<String, Object> stored = user.preferences;
            Map<String, Object> merged = Preferences.merge(stored, update.preferences());
            if (!merged.equals(stored)) {
                user.replacePreferences(merged, now);
                Map<String, Object> effective = Preferences.withDefaults(merged);
                events.userPreferencesChanged(userId, (String) effective.get(Preferences.TIMEZONE), effective);
                LOG.infof("Preferences of user %s changed", userId);
            }
        }
        return UserProfile.of(user, now);
    }

    private User active(UUID userId) {
        return users.findActive(userId).orElseThrow(() -> new ApiException(ErrorCode.INVALID_TOKEN));
    }
}
