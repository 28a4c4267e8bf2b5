package com.writerstree.identity.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock of account deletion, purge and login lockout: one bean, so tests move time (past the grace period, past a
 * lock) instead of waiting.
 */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
