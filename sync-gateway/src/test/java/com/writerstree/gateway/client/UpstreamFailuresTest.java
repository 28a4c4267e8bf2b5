package com.writerstree.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures of a call to a service are retried (connect failures only) and how each is answered. */
class UpstreamFailuresTest {

    @Test
    void onlyFailuresToConnectAreConnectFailures() {
        assertTrue(UpstreamFailures.isConnectFailure(new ConnectException("Connection refused")));
        assertTrue(UpstreamFailures.isConnectFailure(new ConnectTimeoutException("connection timed out")));
        assertTrue(UpstreamFailures.isConnectFailure(new CompletionException(new ConnectException("refused"))));
        assertFalse(UpstreamFailures.isConnectFailure(new HttpClosedException("Connection was closed")));
        assertFalse(UpstreamFailures.isConnectFailure(new UpstreamFailures.DeadlineExceeded(Duration.ofSeconds(1))));
        assertFalse(UpstreamFailures.isConnectFailure(new CircuitBreakerOpenException()));
    }

    @Test
    void aTimeoutIs504AndEverythingElse503() {
        assertAnswer(new UpstreamFailures.DeadlineExceeded(Duration.ofSeconds(1)), 504);
        assertAnswer(new java.util.concurrent.TimeoutException("idle"), 504);
        assertAnswer(new TimeoutException("fault tolerance timeout"), 504);
        assertAnswer(new ConnectTimeoutException("connect timed out"), 503);
        assertAnswer(new ConnectException("Connection refused"), 503);
        assertAnswer(new HttpClosedException("Connection was closed"), 503);
        assertAnswer(new CircuitBreakerOpenException(), 503);
    }

    private static void assertAnswer(Throwable failure, int status) {
        ApiException answer = UpstreamFailures.toApi(Upstream.CONTENT, failure);
        assertEquals(status, answer.status(), failure.toString());
        assertEquals(ErrorCode.EXTERNAL_SERVICE_ERROR, answer.code());
        assertEquals("content-service", answer.details().get("service"));
    }
}
