import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The floor of what a JVM gateway can cost per save (not a test, not a product): the least an HTTP/1.1 reverse proxy
 * on Vert.x (the gateway's own HTTP stack) does, with nothing else: read the request body, strip the path prefix, send
 * it with the client's headers (minus Host and Content-Length) to the upstream over a pooled keep-alive connection,
 * relay status, headers and body. No authentication, revocation check, limits, CORS, tracing, metrics or logging.
 * Binds to 127.0.0.1 only.
 *
 * <p>A fourth argument adds one layer of the gateway's stack at a time, to price it: {@code core} (the default: the
 * above), {@code router} (requests go through a Vert.x Web {@code Router} with a {@code BodyHandler}, as the
 * gateway's routes do), {@code webclient} (the upstream call through the Mutiny {@code WebClient} with a Mutiny
 * timeout, as the gateway's {@code UpstreamClient} makes it, without its circuit breaker), {@code both}.
 *
 *   java -cp 'sync-gateway/target/quarkus-app/lib/boot/*:sync-gateway/target/quarkus-app/lib/main/*' deploy/bench/autosave/BareProxy.java <port> <upstream-port> <prefix> [mode]
 */
public class BareProxy {
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection");
    private static final Set<String> NOT_RELAYED = Set.of("content-length", "connection", "transfer-encoding");

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int upstream = Integer.parseInt(args[1]);
        String prefix = args[2];
        String mode = args.length > 3 ? args[3] : "core";
        boolean router = mode.equals("router") || mode.equals("both");
        boolean webClient = mode.equals("webclient") || mode.equals("both");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                HttpClient client = vertx.createHttpClient(
                        new HttpClientOptions().setKeepAlive(true).setDefaultHost("127.0.0.1").setDefaultPort(upstream),
                        new PoolOptions().setHttp1MaxSize(64));
                io.vertx.mutiny.ext.web.client.WebClient mutinyClient = io.vertx.mutiny.ext.web.client.WebClient.create(
                        io.vertx.mutiny.core.Vertx.newInstance(vertx),
                        new WebClientOptions().setKeepAlive(true).setMaxPoolSize(64).setFollowRedirects(false)
                                .setUserAgentEnabled(false).setDecompressionSupported(false));
                BiConsumer<HttpServerRequest, Buffer> forward = (req, body) -> {
                    String uri = req.uri().startsWith(prefix) ? req.uri().substring(prefix.length()) : req.uri();
                    try {
                        if (webClient) {
                            viaWebClient(mutinyClient, upstream, req, uri, body);
                        } else {
                            viaCore(client, req, uri, body);
                        }
                    } catch (RuntimeException | LinkageError e) {
                        req.response().setStatusCode(502).end(); // a request is never left unanswered
                    }
                };
                var server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port));
                if (router) {
                    Router r = Router.router(vertx);
                    r.route().handler(BodyHandler.create(false).setBodyLimit(10 * 1024 * 1024))
                            .handler(rc -> forward.accept(rc.request(), rc.body().buffer()));
                    server.requestHandler(r);
                } else {
                    server.requestHandler(req -> req.body().onSuccess(body -> forward.accept(req, body)));
                }
                server.listen().onSuccess(s -> System.out.println(
                        "bare proxy on 127.0.0.1:" + s.actualPort() + " -> 127.0.0.1:" + upstream + " (" + mode + ")"));
            }
        }, new DeploymentOptions().setInstances(2));
    }

    private static void viaCore(HttpClient client, HttpServerRequest req, String uri, Buffer body) {
        client.request(req.method(), uri).onSuccess(out -> {
            copy(req.headers(), NOT_FORWARDED, out.headers());
            out.send(body).onSuccess(answer -> answer.body().onSuccess(bytes -> {
                req.response().setStatusCode(answer.statusCode());
                copy(answer.headers(), NOT_RELAYED, req.response().headers());
                req.response().end(bytes);
            })).onFailure(e -> req.response().setStatusCode(502).end());
        }).onFailure(e -> req.response().setStatusCode(502).end());
    }

    private static void viaWebClient(
            io.vertx.mutiny.ext.web.client.WebClient client, int upstream, HttpServerRequest req, String uri, Buffer body) {
        var request = client.requestAbs(req.method(), "http://127.0.0.1:" + upstream + uri).timeout(15_000);
        copy(req.headers(), NOT_FORWARDED, request.headers().getDelegate());
        request.sendBuffer(io.vertx.mutiny.core.buffer.Buffer.newInstance(body))
                .ifNoItem().after(Duration.ofSeconds(15)).fail()
                .subscribe().with(answer -> {
                    req.response().setStatusCode(answer.statusCode());
                    copy(answer.headers().getDelegate(), NOT_RELAYED, req.response().headers());
                    var bytes = answer.body();
                    req.response().end(bytes == null ? Buffer.buffer() : bytes.getDelegate());
                }, e -> req.response().setStatusCode(502).end());
    }

    /** Copies every header whose lower-cased name is not in {@code skip}. */
    private static void copy(MultiMap from, Set<String> skip, MultiMap to) {
        from.forEach(h -> {
            if (!skip.contains(h.getKey().toLowerCase())) {
                to.add(h.getKey(), h.getValue());
            }
        });
    }
}
