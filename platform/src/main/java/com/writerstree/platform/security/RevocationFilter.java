package com.writerstree.platform.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every REST request of every service that carries a valid session token is checked against the deny list
 * (issue #8: a logged-out token must not work on a service reached directly, bypassing the gateway). Runs after
 * the token's signature, issuer and expiry were verified; a request whose token does not verify is left to the
 * endpoint (public endpoints such as {@code /auth/login} still work with a stale cookie, protected ones answer
 * 401 as before).
 */
public class RevocationFilter {

    private final CurrentIdentityAssociation identities;
    private final RevocationCheck check;
    private final RevocationConfig config;

    public RevocationFilter(CurrentIdentityAssociation identities, RevocationCheck check, RevocationConfig config) {
        this.identities = identities;
        this.check = check;
        this.config = config;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 10)
    public Uni<Void> rejectRevokedSessions() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return identities
                .getDeferredIdentity()
                .onFailure()
                .recoverWithNull()
                .chain(identity -> identity != null
                                && !identity.isAnonymous()
                                && identity.getPrincipal() instanceof JsonWebToken jwt
                                && jwt.getSubject() != null
                        ? check.requireActive(jwt)
                        : Uni.createFrom().voidItem());
    }
}
