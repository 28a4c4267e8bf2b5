package com.writerstree.gateway.api.sync;

import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import org.jboss.logging.Logger;

/**
 * WebSocket upgrades that end their HTTP request. Quarkus counts every HTTP request until its response ends, and on
 * shutdown waits for that count to reach zero ({@code quarkus.shutdown.timeout}, 20 s in production). A request
 * turned into a WebSocket never ends as a response, so without this every replica that had ever accepted one socket
 * (even one closed long before) waited the full 20 s on every stop (measured: 25-26 s instead of 6-7 s), and the wait
 * protected no request. Once the upgrade is done (or has failed) the HTTP exchange is over and is counted as done;
 * the socket lives on without holding the shutdown.
 */
public final class Upgrades {

    private static final Logger LOG = Logger.getLogger(Upgrades.class);

    /** {@code QuarkusRequestWrapper.done()}: package-private in Quarkus 3.33, so looked up once; null if it moved. */
    private static final MethodHandle DONE = lookupDone();

    private Upgrades() {}

    /** {@code request.toWebSocket()}, with the HTTP request counted as done as soon as the upgrade is settled. */
    public static Future<ServerWebSocket> toWebSocket(HttpServerRequest request) {
        // looked up before the upgrade, while the request is still an HTTP request (Quarkus finds its wrapper through
        // the request's cookies)
        QuarkusRequestWrapper wrapper = wrapper(request);
        return request.toWebSocket().andThen(ignored -> done(wrapper));
    }

    /** Quarkus' wrapper of the request, or null where there is none (no shutdown timeout: the Quarkus tests). */
    private static QuarkusRequestWrapper wrapper(HttpServerRequest request) {
        if (DONE == null || request.getCookie(QuarkusRequestWrapper.FAKE_COOKIE_NAME) == null) {
            return null;
        }
        return QuarkusRequestWrapper.get(request);
    }

    /** Whether requests can be marked done on this Quarkus (tests check it, so an upgrade that breaks it fails). */
    static boolean supported() {
        return DONE != null;
    }

    private static void done(QuarkusRequestWrapper wrapper) {
        if (DONE == null || wrapper == null) {
            return; // not behind Quarkus' HTTP filters (nothing counts it)
        }
        try {
            DONE.invoke(wrapper);
        } catch (Throwable e) {
            LOG.debugf("Could not mark the upgraded request done: %s", e.toString());
        }
    }

    private static MethodHandle lookupDone() {
        try {
            Method done = QuarkusRequestWrapper.class.getDeclaredMethod("done");
            done.setAccessible(true);
            return MethodHandles.lookup().unreflect(done);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf(
                    "QuarkusRequestWrapper.done() not found (%s): a stop waits for the shutdown timeout while sockets"
                            + " were ever opened",
                    e.toString());
            return null;
        }
    }
}
