package com.writerstree.platform.security;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

/** The authenticated caller of the current request, read from the verified access token (§3.2 claims). */
@RequestScoped
public class Caller {

    public static final String MDC_KEY = "userId";

    @Inject
    JsonWebToken jwt;

    public UUID userId() {
        String subject = jwt.getSubject();
        if (subject == null) {
            throw new ApiException(ErrorCode.AUTHENTICATION_REQUIRED);
        }
        try {
            UUID id = UUID.fromString(subject);
            MDC.put(MDC_KEY, id.toString());
            return id;
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_TOKEN);
        }
    }

    public String email() {
        return jwt.getClaim("email");
    }

    public String tier() {
        String tier = jwt.getClaim("tier");
        return tier == null ? "free" : tier;
    }

    public String tokenId() {
        return jwt.getTokenID();
    }

    /** The raw token, to call another service on the caller's behalf. */
    public String bearer() {
        return "Bearer " + jwt.getRawToken();
    }
}
