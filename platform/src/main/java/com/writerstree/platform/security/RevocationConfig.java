package com.writerstree.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the shared revocation check ({@link RevocationAugmentor}); see docs/CONTRACTS.md. */
@ConfigMapping(prefix = "writerstree.revocation")
public interface RevocationConfig {

    /** Check every authenticated REST request against the deny list (the gateway checks on its own). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How long a "not revoked" answer is trusted without asking Redis again: the longest time a service may still
     * accept a token after its logout. Revoked answers are kept until the token expires.
     */
    @WithDefault("PT2S")
    Duration cacheTtl();

    /**
     * While Redis cannot be asked, a token that was found not revoked within this time keeps working (a writer in
     * the middle of a session keeps saving); any other token gets 503.
     */
    @WithDefault("PT5M")
    Duration outageGrace();

    /**
     * How long one Redis lookup may take before it counts as Redis being unreachable (a lookup takes well under a
     * millisecond; the first one of a process also opens the connection, which on a loaded machine takes longer).
     */
    @WithDefault("PT3S")
    Duration timeout();

    /** Tokens remembered at most (bounded memory); the oldest half is dropped when full. */
    @WithDefault("10000")
    int maxEntries();
}
