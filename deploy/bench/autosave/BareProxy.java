import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import java.util.Set;

/**
 * The floor of what a JVM gateway can cost per save (not a test, not a product): the least an HTTP/1.1 reverse proxy
 * on Vert.x (the gateway's own HTTP stack) does, with nothing else: read the request body, strip the path prefix, send
 * it with the client's headers (minus Host and Content-Length) to the upstream over a pooled keep-alive connection,
 * relay status, headers and body. No authentication, revocation check, limits, CORS, tracing, metrics or logging.
 * Binds to 127.0.0.1 only.
 *
 *   java -cp 'sync-gateway/target/quarkus-app/lib/main/*' deploy/bench/autosave/BareProxy.java <port> <upstream-port> <prefix>
 */
public class BareProxy {
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection");
    private static final Set<String> NOT_RELAYED = Set.of("content-length", "connection", "transfer-encoding");

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int upstream = Integer.parseInt(args[1]);
        String prefix = args[2];
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                HttpClient client = vertx.createHttpClient(
                        new HttpClientOptions().setKeepAlive(true).setDefaultHost("127.0.0.1").setDefaultPort(upstream),
                        new PoolOptions().setHttp1MaxSize(64));
                vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                        .requestHandler(req -> req.body().onSuccess(body -> {
                            String uri = req.uri().startsWith(prefix) ? req.uri().substring(prefix.length()) : req.uri();
                            client.request(req.method(), uri).onSuccess(out -> {
                                req.headers().forEach(h -> {
                                    if (!NOT_FORWARDED.contains(h.getKey().toLowerCase())) {
                                        out.headers().add(h.getKey(), h.getValue());
                                    }
                                });
                                out.send(body).onSuccess(answer -> answer.body().onSuccess(bytes -> {
                                    req.response().setStatusCode(answer.statusCode());
                                    answer.headers().forEach(h -> {
                                        if (!NOT_RELAYED.contains(h.getKey().toLowerCase())) {
                                            req.response().headers().add(h.getKey(), h.getValue());
                                        }
                                    });
                                    req.response().end(bytes);
                                })).onFailure(e -> req.response().setStatusCode(502).end());
                            }).onFailure(e -> req.response().setStatusCode(502).end());
                        }))
                        .listen()
                        .onSuccess(s -> System.out.println("bare proxy on 127.0.0.1:" + s.actualPort() + " -> 127.0.0.1:" + upstream));
            }
        }, new DeploymentOptions().setInstances(2));
    }
}
