package com.writerstree.gateway.api;

import com.writerstree.gateway.client.ContentClient;
import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which headers cross the gateway. Hop-by-hop headers (RFC 9110 §7.6.1, plus any named in {@code Connection})
 * never do; {@code Host} and {@code Content-Length} are recomputed. On the way in, the client may not supply the
 * gateway's own headers ({@code X-Sync-Origin}, {@code X-Forwarded-*}): the gateway sets them.
 */
public final class ForwardHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "transfer-encoding",
            "te",
            "trailer",
            "trailers",
            "upgrade",
            "proxy-authorization",
            "proxy-authenticate",
            "proxy-connection",
            "host",
            "content-length");

    /**
     * Set by the gateway only. {@code Expect} is dropped because the body is already read in full. The W3C trace
     * context ({@code traceparent}, {@code tracestate}) is continued, not copied: the gateway's server span is the
     * client's child, and the Vert.x client's tracer writes the gateway's own client span into the forwarded
     * request, so the service's span hangs under the gateway's (a copied header would skip the gateway in the trace).
     */
    private static final Set<String> GATEWAY_OWNED = Set.of(
            ContentClient.SYNC_ORIGIN.toLowerCase(Locale.ROOT),
            "x-forwarded-for",
            "x-forwarded-proto",
            "x-forwarded-host",
            "forwarded",
            "expect",
            "traceparent",
            "tracestate");

    private ForwardHeaders() {}

    /** The client's headers as sent to a service (before the gateway adds its own). */
    public static MultiMap request(MultiMap incoming) {
        Set<String> dropped = dropped(incoming);
        dropped.addAll(GATEWAY_OWNED);
        return copy(incoming, dropped);
    }

    /** A service's headers as sent back to the client. */
    public static MultiMap response(MultiMap upstream) {
        return copy(upstream, dropped(upstream));
    }

    private static Set<String> dropped(MultiMap headers) {
        Set<String> dropped = new TreeSet<>(HOP_BY_HOP);
        for (String connection : headers.getAll("Connection")) {
            for (String token : connection.split(",")) {
                if (!token.isBlank()) {
                    dropped.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return dropped;
    }

    private static MultiMap copy(MultiMap from, Set<String> dropped) {
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        from.forEach(entry -> {
            if (!dropped.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
                to.add(entry.getKey(), entry.getValue());
            }
        });
        return to;
    }
}
