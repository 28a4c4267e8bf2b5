package com.writerstree.identity.user;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class UserService {

    @Inject
    UserRepository users;

    /**
     * The caller's profile. A valid token of an account that no longer exists (deleted) is answered like an
     * invalid token, so that the client signs in again.
     */
    @Transactional
    public UserProfile profile(UUID userId) {
        return users.findActive(userId)
                .map(user -> UserProfile.of(user, Instant.now()))
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_TOKEN));
    }
}
