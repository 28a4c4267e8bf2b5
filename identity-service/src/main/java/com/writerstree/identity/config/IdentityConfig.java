package com.writerstree.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** identity-service settings; application.properties maps the environment variables onto them. */
@ConfigMapping(prefix = "identity")
public interface IdentityConfig {

    /** Base URL of the web app; links in mails point there (e.g. {@code <app-url>/verify-email?token=...}). */
    @WithDefault("http://localhost:3000")
    String appUrl();

    Jwt jwt();

    Cookie cookie();

    Verification verification();

    PasswordReset passwordReset();

    Lockout lockout();

    Google google();

    Deletion deletion();

    /** Account deletion (DELETE /users/me) and the purge after the grace period, see README "Account deletion". */
    interface Deletion {

        /** How long a deleted account can be restored; the purge deletes it afterwards (spec: 30 days). */
        @WithDefault("P30D")
        Duration grace();

        /** A Google-only account confirms the deletion with a Google ID token issued at most this long ago. */
        @WithDefault("PT10M")
        Duration googleTokenMaxAge();

        /**
         * The services that confirm each purge ({@code GET <url>/internal/purges/{eventId}}), by name: the operator
         * route {@code GET /internal/purges} asks them.
         */
        java.util.Map<String, String> confirmingServices();

        /** How often the purge job runs ({@code off} in tests, which call it themselves). */
        @WithDefault("10m")
        String purgeEvery();

        /** The first run after start-up. */
        @WithDefault("30s")
        String purgeDelay();

        /** Accounts purged per run of the purge job (the next run takes the rest). */
        @WithDefault("50")
        int purgeBatch();
    }

    interface Jwt {

        /** Directory of PKCS#8 PEM RSA private keys ({@code *.pem}); every key's public part is in the JWKS. */
        @WithDefault(".run/keys")
        String keyDir();

        /** File name (in key-dir) of the key that signs new tokens; unset: the newest file. */
        Optional<String> activeKey();

        /** Create a 2048-bit key when key-dir holds none. Development only: production sets false. */
        @WithDefault("true")
        boolean generateIfMissing();

        /** The {@code iss} claim; every service verifies it. */
        @WithDefault("https://writerstree.com")
        String issuer();

        /** Lifetime of a session token (and of the auth_token cookie) of a verified account. */
        @WithDefault("P7D")
        Duration lifetime();

        /** Lifetime of the session a not-yet-verified account gets at registration. */
        @WithDefault("PT24H")
        Duration unverifiedLifetime();
    }

    interface Cookie {

        /** Add {@code Secure} to the auth_token cookie; only plain-HTTP local setups turn it off. */
        @WithDefault("true")
        boolean secure();
    }

    interface Verification {

        /** How long an email verification link stays valid. */
        @WithDefault("PT24H")
        Duration tokenLifetime();

        /** At most one verification mail per address within this interval (resend-verification). */
        @WithDefault("PT60S")
        Duration resendInterval();
    }

    interface PasswordReset {

        /** How long a password reset link stays valid (spec §2.3: 1 hour). */
        @WithDefault("PT1H")
        Duration tokenLifetime();
    }

    /** Brute-force protection of password logins per (account, client address), see README. */
    interface Lockout {

        /** Consecutive failures from one address that lock that address out of the account. */
        @WithDefault("5")
        int threshold();

        /** The first lock; every further failure doubles it. */
        @WithDefault("PT1M")
        Duration initialWait();

        /** The longest lock. */
        @WithDefault("PT15M")
        Duration maxWait();

        /** Failures older than this (since the last one) are forgotten. */
        @WithDefault("PT12H")
        Duration failureReset();

        /** Failures of the account from all addresses after which unknown addresses are paced (never locked). */
        @WithDefault("20")
        int accountCeiling();

        /** The longest pause between attempts of unknown addresses once the ceiling is passed. */
        @WithDefault("PT1M")
        Duration accountMaxDelay();

        /** How long an address that signed in successfully stays known (exempt from the pacing). */
        @WithDefault("P30D")
        Duration knownAddressMemory();

        /**
         * Take the client address from the right-most X-Forwarded-For entry (the gateway sets it; services are
         * reachable only through the gateway, see the NetworkPolicy); false: the TCP peer.
         */
        @WithDefault("true")
        boolean trustForwardedFor();
    }

    interface Google {

        /** The OAuth client id ID tokens must be issued for ({@code aud}); unset: Google sign-in is off (503). */
        Optional<String> clientId();

        /** Google's signing keys (JWKS); tests serve their own. */
        @WithDefault("https://www.googleapis.com/oauth2/v3/certs")
        String jwksUrl();

        /** How long fetched keys are cached (an unknown kid refetches at once). */
        @WithDefault("PT1H")
        Duration keyCacheDuration();
    }
}
