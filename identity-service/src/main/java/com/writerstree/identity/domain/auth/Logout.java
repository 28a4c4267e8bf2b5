package com.writerstree.identity.domain.auth;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Logout: the presented sessions are revoked until they expire. */
@ApplicationScoped
public class Logout {

    private final JWTParser sessionTokens;
    private final SessionRevocations revocations;

    public Logout(JWTParser sessionTokens, SessionRevocations revocations) {
        this.sessionTokens = sessionTokens;
        this.revocations = revocations;
    }

    /**
     * Revokes the sessions of the given tokens (cookie and/or bearer) that are valid: their {@code jti} stays on
     * the deny list until they expire. Invalid, expired or missing tokens are ignored: logging out always works.
     */
    public void logout(List<String> presentedTokens) {
        for (String raw : presentedTokens) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            JsonWebToken token;
            try {
                token = sessionTokens.parse(raw.strip());
            } catch (ParseException e) {
                continue; // not a session of ours (or already expired): nothing to revoke
            }
            if (token.getTokenID() == null || token.getSubject() == null) {
                continue;
            }
            UUID userId;
            try {
                userId = UUID.fromString(token.getSubject());
            } catch (IllegalArgumentException e) {
                continue;
            }
            revocations.revoke(token.getTokenID(), userId, Instant.ofEpochSecond(token.getExpirationTime()));
        }
    }
}
