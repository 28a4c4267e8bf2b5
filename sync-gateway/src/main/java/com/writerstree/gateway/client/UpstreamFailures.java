package com.writerstree.gateway.client;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * What a failed call to a service means, and its §7.1 answer: the service did not answer in time -> <b>504</b>
 * {@code EXTERNAL_SERVICE_ERROR} (the suite's error codes have no timeout code of their own; the status tells it
 * apart); unreachable, connection lost or its circuit open -> <b>503</b> {@code EXTERNAL_SERVICE_ERROR}. Both with
 * {@code details.service}.
 */
public final class UpstreamFailures {

    public static final int GATEWAY_TIMEOUT = 504;
    public static final String TIMEOUT_MESSAGE = "External service did not answer in time";

    /** The gateway's own total deadline of one call (Vert.x' request timeout only counts silence). */
    public static final class DeadlineExceeded extends TimeoutException {
        DeadlineExceeded(Duration timeout) {
            super("No answer within " + timeout.toMillis() + " ms");
        }
    }

    private UpstreamFailures() {}

    /** No connection could be made (refused, connect timeout, unknown host): nothing reached the service. */
    public static boolean isConnectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** The service was reached (or waited for) but did not answer within the timeout. */
    public static boolean isTimeout(Throwable failure) {
        if (isConnectFailure(failure)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    public static boolean isCircuitOpen(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CircuitBreakerOpenException) {
                return true;
            }
        }
        return false;
    }

    /** The envelope of a failed call to {@code upstream}. */
    public static ApiException toApi(Upstream upstream, Throwable failure) {
        Map<String, Object> details = Map.of("service", upstream.serviceName());
        if (isTimeout(failure)) {
            return new ApiException(ErrorCode.EXTERNAL_SERVICE_ERROR, GATEWAY_TIMEOUT, TIMEOUT_MESSAGE, details);
        }
        return new ApiException(
                ErrorCode.EXTERNAL_SERVICE_ERROR, ErrorCode.EXTERNAL_SERVICE_ERROR.defaultMessage(), details);
    }
}
