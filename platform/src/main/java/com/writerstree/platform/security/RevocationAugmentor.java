package com.writerstree.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every service refuses revoked sessions (issue #8: a logged-out token must not work on a service reached directly,
 * bypassing the gateway). Runs when a request's token has been verified (signature, issuer, expiry) and an endpoint
 * needs the caller: authentication is lazy, so public endpoints such as {@code /auth/login} and
 * {@code /auth/logout} never look at a stale cookie and keep working. A revoked token fails the authentication with
 * 401 INVALID_TOKEN; Redis unreachable: see {@link RevocationCheck}.
 */
@ApplicationScoped
public class RevocationAugmentor implements SecurityIdentityAugmentor {

    private final RevocationCheck check;
    private final RevocationConfig config;

    public RevocationAugmentor(RevocationCheck check, RevocationConfig config) {
        this.check = check;
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!config.enabled()
                || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getSubject() == null) {
            return Uni.createFrom().item(identity);
        }
        return check.requireActive(jwt).replaceWith(identity);
    }
}
