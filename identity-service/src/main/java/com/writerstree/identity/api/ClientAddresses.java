package com.writerstree.identity.api;

import com.writerstree.identity.config.IdentityConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The address a sign-in comes from, for the per-(account, address) lockout. Services are reachable only through
 * the gateway (Kubernetes NetworkPolicy; loopback locally), which resolves the client behind its trusted proxies
 * and sends it as the single {@code X-Forwarded-For} value; so the right-most entry is the gateway's word. With
 * {@code identity.lockout.trust-forwarded-for=false} the TCP peer is used.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final int MAX_LENGTH = 64;

    private final IdentityConfig config;

    public ClientAddresses(IdentityConfig config) {
        this.config = config;
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        if (!config.lockout().trustForwardedFor()) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        return last.isEmpty() || last.length() > MAX_LENGTH ? peer : last;
    }
}
