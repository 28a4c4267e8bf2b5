package com.writerstree.gateway.domain.auth;

import com.writerstree.platform.security.RevocationCheck;
import com.writerstree.platform.security.RevocationKeys;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The revocation contract written by identity-service: {@code auth:revoked:<jti>} exists -> that token is revoked;
 * {@code auth:revoked-before:<userId>} = epoch seconds -> the user's tokens issued before it are revoked. Checked
 * with the services' shared {@link RevocationCheck} (one MGET); the gateway asks Redis on every request
 * ({@code writerstree.revocation.cache-ttl=PT0S} in its configuration) and keeps the same outage grace as the
 * services: while Redis is unreachable, a token this replica found not revoked within
 * {@code writerstree.revocation.outage-grace} keeps working (a writer in the middle of a session keeps saving),
 * every other token gets 503 EXTERNAL_SERVICE_ERROR (fail closed). A revocation published on
 * {@code auth:revocations} makes this replica forget what it knew about the user's tokens (RevocationCheck listens),
 * so a token logged out just before an outage is not accepted during it.
 */
@ApplicationScoped
public class Revocations {

    // the contract's key and channel names live once, in platform's RevocationKeys (identity writes, all read)
    public static final String MESSAGE = RevocationCheck.REVOKED_MESSAGE;

    private final RevocationCheck check;

    Revocations(RevocationCheck check) {
        this.check = check;
    }

    /** Completes with the token when it is not revoked; fails with an {@link com.writerstree.platform.error.ApiException} otherwise. */
    public Uni<JsonWebToken> check(JsonWebToken jwt) {
        return check.requireActive(jwt).replaceWith(jwt);
    }

    /** The contract's rule ({@link RevocationKeys#isRevoked}); kept here for the gateway's callers. */
    public static boolean isRevoked(String jtiEntry, String revokedBefore, long issuedAtEpochSeconds) {
        return RevocationKeys.isRevoked(jtiEntry, revokedBefore, issuedAtEpochSeconds);
    }
}
