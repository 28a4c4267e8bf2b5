package com.writerstree.platform.client;

import io.smallrye.faulttolerance.api.Guard;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The one fault-tolerance policy of a call to another service (SmallRye Fault Tolerance, programmatic {@link Guard}),
 * so that every client of every service reads the same way instead of repeating annotations:
 *
 * <ul>
 *   <li>a <b>timeout</b>: the upstream's {@code quarkus.rest-client.<name>.read-timeout} (milliseconds, the same
 *       number the REST client waits for an answer; {@value #DEFAULT_TIMEOUT_MS} when unset), so a hung upstream is
 *       cut there;
 *   <li>for idempotent calls only ({@link #idempotent}): <b>one retry</b> after {@value #RETRY_DELAY_MS} ms with
 *       exponential backoff (at most {@value #MAX_RETRY_DELAY_MS} ms), on a connection failure or a timeout, never on
 *       an answer (a 404 or a 503 is the upstream's word);
 *   <li>a <b>circuit breaker</b> per upstream: open after half of the last {@value #VOLUME} calls failed to connect
 *       or timed out, for {@value #OPEN_MS} ms; meanwhile calls fail at once ({@code CircuitBreakerOpenException}).
 * </ul>
 *
 * What remains a failure after the policy (timeout, open circuit, connection failure) comes back as a
 * {@link RuntimeException} that the service's client maps to the error envelope: 503 {@code EXTERNAL_SERVICE_ERROR}.
 * One guard per upstream (its circuit breaker is its own): build it once, in the client bean's constructor.
 */
public final class UpstreamPolicy {

    static final long DEFAULT_TIMEOUT_MS = 5000;
    static final long RETRY_DELAY_MS = 100;
    static final long MAX_RETRY_DELAY_MS = 1000;
    static final int VOLUME = 10;
    static final long OPEN_MS = 5000;

    /** Failures worth a retry and counted by the circuit breaker: the upstream did not answer in time, or at all. */
    private static final List<Class<? extends Throwable>> UNAVAILABLE =
            List.of(ProcessingException.class, TimeoutException.class, IOException.class, UncheckedIOException.class);

    private UpstreamPolicy() {}

    /** For a call that may safely be repeated (a read): timeout, one retry with backoff, circuit breaker. */
    public static Guard idempotent(String upstream) {
        return idempotent(upstream, timeout(upstream), 2, Duration.ofMillis(RETRY_DELAY_MS));
    }

    /**
     * The same policy with the caller's own budget (a service's configuration): each attempt cut at {@code timeout},
     * at most {@code attempts} attempts, the pause doubling from {@code firstDelay}; besides a connection failure or
     * a timeout, the failures in {@code alsoRetryOn} (an answer the caller counts as "not available") are retried and
     * counted by the circuit breaker too.
     */
    @SafeVarargs
    public static Guard idempotent(
            String upstream,
            Duration timeout,
            int attempts,
            Duration firstDelay,
            Class<? extends Throwable>... alsoRetryOn) {
        List<Class<? extends Throwable>> retryOn = new ArrayList<>(UNAVAILABLE);
        retryOn.addAll(List.of(alsoRetryOn));
        long delay = Math.max(1, firstDelay.toMillis());
        return builder(upstream, timeout, retryOn)
                .withRetry()
                .maxRetries(Math.max(0, attempts - 1))
                .delay(delay, ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .retryOn(retryOn)
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(Math.max(MAX_RETRY_DELAY_MS, delay << Math.min(20, Math.max(0, attempts))), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }

    /** For a call that must not be repeated blindly (a write): timeout and circuit breaker, no retry. */
    public static Guard nonIdempotent(String upstream) {
        return builder(upstream, timeout(upstream), UNAVAILABLE).build();
    }

    /** The timeout of calls to {@code upstream}: its REST client's read timeout. */
    public static Duration timeout(String upstream) {
        return Duration.ofMillis(ConfigProvider.getConfig()
                .getOptionalValue("quarkus.rest-client." + upstream + ".read-timeout", Long.class)
                .orElse(DEFAULT_TIMEOUT_MS));
    }

    private static Guard.Builder builder(
            String upstream, Duration timeout, List<Class<? extends Throwable>> unavailable) {
        return Guard.create()
                .withDescription("upstream " + upstream)
                .withTimeout()
                .duration(Math.max(1, timeout.toMillis()), ChronoUnit.MILLIS)
                .done()
                .withCircuitBreaker()
                .requestVolumeThreshold(VOLUME)
                .failureRatio(0.5)
                .delay(OPEN_MS, ChronoUnit.MILLIS)
                .failOn(unavailable)
                .done();
    }
}
