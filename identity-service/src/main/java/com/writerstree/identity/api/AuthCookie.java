package com.writerstree.identity.api;

import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.identity.domain.token.TokenIssuer.IssuedToken;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code auth_token} session cookie (spec §3.2, §4.1): HttpOnly, SameSite=Strict, Secure unless disabled. */
@ApplicationScoped
public class AuthCookie {

    public static final String NAME = "auth_token";

    private final IdentityConfig config;

    public AuthCookie(IdentityConfig config) {
        this.config = config;
    }

    /** The Set-Cookie value carrying a token; it lives exactly as long as the token. */
    public String carrying(IssuedToken token) {
        return NAME + "=" + token.token() + "; Path=/; Max-Age="
                + token.lifetime().toSeconds() + "; HttpOnly; SameSite=Strict"
                + (config.cookie().secure() ? "; Secure" : "");
    }

    /** The Set-Cookie value that deletes the session cookie (logout). */
    public String cleared() {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (config.cookie().secure() ? "; Secure" : "");
    }
}
