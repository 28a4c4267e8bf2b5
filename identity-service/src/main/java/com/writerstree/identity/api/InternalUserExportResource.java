package com.writerstree.identity.api;

import com.writerstree.identity.domain.user.Preferences;
import com.writerstree.identity.persistence.OneTimeToken;
import com.writerstree.identity.persistence.User;
import com.writerstree.identity.persistence.UserRepository;
import com.writerstree.platform.gdpr.UserDataExport;
import com.writerstree.platform.security.RevocationKeys;
import com.writerstree.platform.web.ApiResponse;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * identity's part of a user's data export (docs/CONTRACTS.md "User data export and purge"): profile, preferences,
 * sign-in methods and session metadata, the mailed links' metadata. Never a password hash, a Google id, a token or a
 * token hash. A soft-deleted account is exported too (the deletion flow exports it); an unknown user gets empty parts.
 */
@Path("/internal/users/{userId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service routes (X-Service-Token); not routed by the gateway")
public class InternalUserExportResource {

    private static final Logger LOG = Logger.getLogger(InternalUserExportResource.class);
    private static final String SERVICE = "identity-service";

    private final UserRepository users;
    private final EntityManager entities;
    private final RedisDataSource redis;

    public InternalUserExportResource(UserRepository users, EntityManager entities, RedisDataSource redis) {
        this.users = users;
        this.entities = entities;
        this.redis = redis;
    }

    @GET
    @Transactional
    @Operation(summary = "identity's part of the user's data export (service credential required)")
    @APIResponse(responseCode = "200", description = "data: service, userId, generatedAt, parts")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED: missing or wrong X-Service-Token")
    public ApiResponse<UserDataExport> export(@PathParam("userId") UUID userId) {
        User user = users.findById(userId);
        if (user == null) {
            return ApiResponse.ok(UserDataExport.of(SERVICE, userId, Map.of()));
        }
        Instant now = Instant.now();
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", user.id);
        profile.put("email", user.email);
        profile.put("fullName", user.fullName);
        profile.put("emailVerified", user.emailVerified);
        profile.put("tier", user.effectiveTier(now));
        profile.put("subscriptionTier", user.subscriptionTier);
        profile.put("subscriptionExpiresAt", user.subscriptionExpiresAt);
        profile.put("createdAt", user.createdAt);
        profile.put("updatedAt", user.updatedAt);
        profile.put("deletedAt", user.deletedAt);

        Map<String, Object> signIn = new LinkedHashMap<>();
        signIn.put("password", user.passwordHash != null);
        signIn.put("google", user.googleId != null);

        Map<String, Object> sessions = new LinkedHashMap<>();
        sessions.put("lastLogin", user.lastLogin);
        sessions.put("allSessionsRevokedBefore", revokedBefore(userId));
        sessions.put(
                "note",
                "Sessions are signed tokens that are not stored; a password reset or the account deletion ends all"
                        + " of them");

        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("profile", profile);
        parts.put("signInMethods", signIn);
        parts.put("preferences", Preferences.withDefaults(user.preferences));
        parts.put("sessions", sessions);
        parts.put("emailVerificationLinks", links("EmailVerificationToken", userId));
        parts.put("passwordResetLinks", links("PasswordResetToken", userId));
        parts.put("deletionCancelLinks", links("DeletionCancelToken", userId));
        return ApiResponse.ok(UserDataExport.of(SERVICE, userId, parts));
    }

    /** When each mailed link was created, expires and was used; never the token or its hash. */
    private List<Map<String, Object>> links(String entity, UUID userId) {
        List<OneTimeToken> tokens = entities.createQuery(
                        "from " + entity + " where userId = :user order by createdAt", OneTimeToken.class)
                .setParameter("user", userId)
                .getResultList();
        return tokens.stream()
                .map(t -> {
                    Map<String, Object> link = new LinkedHashMap<>();
                    link.put("createdAt", t.createdAt);
                    link.put("expiresAt", t.expiresAt);
                    link.put("usedAt", t.usedAt);
                    return link;
                })
                .toList();
    }

    private Instant revokedBefore(UUID userId) {
        try {
            String value = redis.value(String.class).get(RevocationKeys.revokedBeforeKey(userId.toString()));
            return value == null ? null : Instant.ofEpochSecond(Long.parseLong(value));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Revocation marker not readable for the export (%s)",
                    e.getClass().getSimpleName());
            return null;
        }
    }
}
