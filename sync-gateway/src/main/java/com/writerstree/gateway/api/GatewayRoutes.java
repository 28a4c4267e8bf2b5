package com.writerstree.gateway.api;

import com.writerstree.gateway.client.Upstream;
import com.writerstree.gateway.client.UpstreamClient;
import com.writerstree.gateway.client.UpstreamFailures;
import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.gateway.domain.auth.EdgeAuthenticator;
import com.writerstree.gateway.domain.auth.Revocations;
import com.writerstree.gateway.domain.limits.EdgeLimits;
import com.writerstree.gateway.health.HealthReporter;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.security.Caller;
import com.writerstree.platform.web.RequestIds;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The REST edge: every request outside Quarkus' own {@code /q/*} endpoints is matched against the
 * {@link RouteTable}, authenticated when the route is not public, and forwarded to its service (or composed, or
 * answered by the gateway itself). Unknown paths answer 404 and known paths with another method 405, both in the
 * §7.1 envelope.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    private static final Set<HttpMethod> BODYLESS =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE, HttpMethod.OPTIONS);

    private final GatewayConfig config;

    private final UpstreamClient client;

    private final EdgeAuthenticator authenticator;

    private final EdgeResponses responses;

    private final Revocations revocations;

    private final EdgeLimits limits;

    private final HealthReporter health;

    private final String nonApplicationRoot;

    GatewayRoutes(
            GatewayConfig config,
            UpstreamClient client,
            EdgeAuthenticator authenticator,
            EdgeResponses responses,
            Revocations revocations,
            EdgeLimits limits,
            HealthReporter health,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q")
                    String nonApplicationRoot) {
        this.config = config;
        this.client = client;
        this.authenticator = authenticator;
        this.responses = responses;
        this.revocations = revocations;
        this.limits = limits;
        this.health = health;
        this.nonApplicationRoot = nonApplicationRoot;
    }

    void init(@Observes Router router) {
        String reserved = "/" + nonApplicationRoot.replaceAll("^/+|/+$", "");
        // /ws/sync is the WebSocket endpoint (api/sync/SyncSocket), /api-docs the merged API documentation (ApiDocs)
        router.routeWithRegex("^(?!(" + Pattern.quote(reserved) + "|/ws/sync|/api-docs)(/|$)).*")
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(BodyHandler.create(false)
                        .setBodyLimit(config.maxBodySize().asLongValue()))
                .handler(this::dispatch);
    }

    private void dispatch(RoutingContext rc) {
        String method = rc.request().method().name();
        RouteTable.Match match = RouteTable.match(method, rc.normalizedPath());
        if (match instanceof RouteTable.MethodNotAllowed notAllowed) {
            rc.response().putHeader("Allow", String.join(", ", notAllowed.allowed()));
            responses.error(
                    rc,
                    new ApiException(
                            ErrorCode.METHOD_NOT_ALLOWED,
                            method + " is not allowed here",
                            Map.of("allowed", notAllowed.allowed())));
            return;
        }
        if (!(match instanceof RouteTable.Found found)) {
            responses.error(
                    rc,
                    new ApiException(
                            ErrorCode.NOT_FOUND,
                            "No such endpoint",
                            Map.of("method", method, "path", rc.normalizedPath())));
            return;
        }
        if (found.route().handling() == RouteTable.Handling.HEALTH) {
            reportHealth(rc);
            return;
        }
        if (found.route().isPublic()) {
            limits.checkPublic(method, found.path(), limits.clientIp(rc.request()))
                    .subscribe()
                    .with(ok -> forward(rc, found, null), failure -> fail(rc, failure));
            return;
        }
        authenticator.authenticate(rc).onComplete(verified -> {
            if (verified.failed()) {
                fail(rc, verified.cause());
                return;
            }
            JsonWebToken jwt = verified.result();
            MDC.put(Caller.MDC_KEY, jwt.getSubject());
            rc.addEndHandler(ignored -> MDC.remove(Caller.MDC_KEY));
            revocations
                    .check(jwt)
                    .chain(() -> limits.checkUser(method, found.path(), jwt.getSubject()))
                    .subscribe()
                    .with(
                            ok -> {
                                if (found.route().handling() == RouteTable.Handling.COMPOSE_PROJECT) {
                                    composeProject(rc, found, jwt.getRawToken());
                                } else {
                                    forward(rc, found, jwt.getRawToken());
                                }
                            },
                            failure -> fail(rc, failure));
        });
    }

    /** Forwards the request as it came (minus hop-by-hop headers) and relays the answer. */
    private void forward(RoutingContext rc, RouteTable.Found found, String token) {
        Upstream upstream = found.route().upstream();
        String query = rc.request().query();
        String uri = found.path() + (query == null || query.isEmpty() ? "" : "?" + query);
        Buffer body = rc.body().buffer();
        if (body == null || body.length() == 0) {
            body = BODYLESS.contains(rc.request().method()) ? null : Buffer.buffer();
        }
        long limit = config.services().get(upstream.key()).maxBodySize().asLongValue();
        if (body != null && body.length() > limit) {
            responses.error(
                    rc,
                    new ApiException(
                            ErrorCode.PAYLOAD_TOO_LARGE,
                            "Request body too large",
                            Map.of("maxBytes", limit, "service", upstream.serviceName())));
            return;
        }
        client.send(upstream, rc.request().method(), uri, outgoingHeaders(rc, token), body)
                .subscribe()
                .with(answer -> relay(rc, answer), failure -> unavailable(rc, upstream, failure));
    }

    /** GET /projects/{id}: project + content in parallel, composed (or degraded) by {@link ProjectComposition}. */
    private void composeProject(RoutingContext rc, RouteTable.Found found, String token) {
        String path = "/projects/" + found.params().get("id");
        MultiMap headers = outgoingHeaders(rc, token);
        Uni<ProjectComposition.Reply> project = client.send(Upstream.PROJECT, HttpMethod.GET, path, headers, null)
                .map(GatewayRoutes::reply);
        Uni<Optional<ProjectComposition.Reply>> content = client.send(
                        Upstream.CONTENT, HttpMethod.GET, path + "/content", headers, null)
                .map(answer -> Optional.of(reply(answer)))
                .onFailure()
                .invoke(e -> LOG.warnf("content-service unreachable for %s: %s", path, e.toString()))
                .onFailure()
                .recoverWithItem(Optional.empty());
        Uni.combine()
                .all()
                .unis(project, content)
                .asTuple()
                .map(both -> ProjectComposition.compose(both.getItem1(), both.getItem2()))
                .subscribe()
                .with(
                        outcome -> {
                            if (outcome.degraded()) {
                                LOG.warnf("Served %s without its content (content-service unavailable)", path);
                            }
                            responses.json(rc, outcome.status(), outcome.body());
                        },
                        failure -> unavailable(rc, Upstream.PROJECT, failure));
    }

    private void reportHealth(RoutingContext rc) {
        health.report(rc.request().getHeader(RequestIds.HEADER))
                .subscribe()
                .with(
                        report -> {
                            rc.response().putHeader("Cache-Control", "no-store");
                            responses.json(rc, report.healthy() ? 200 : 503, report);
                        },
                        failure -> fail(rc, failure));
    }

    private MultiMap outgoingHeaders(RoutingContext rc, String token) {
        MultiMap headers = ForwardHeaders.request(rc.request().headers());
        headers.set(RequestIds.HEADER, rc.request().getHeader(RequestIds.HEADER));
        headers.set("X-Forwarded-For", limits.clientIp(rc.request()));
        headers.set("X-Forwarded-Proto", rc.request().scheme());
        if (rc.request().authority() != null) {
            headers.set("X-Forwarded-Host", rc.request().authority().toString());
        }
        if (token != null) {
            headers.set("Authorization", "Bearer " + token);
        }
        return headers;
    }

    private static void relay(RoutingContext rc, HttpResponse<io.vertx.mutiny.core.buffer.Buffer> answer) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        MultiMap headers = ForwardHeaders.response(answer.headers().getDelegate());
        for (String name : headers.names()) {
            rc.response().headers().set(name, headers.getAll(name));
        }
        io.vertx.mutiny.core.buffer.Buffer body = answer.body();
        rc.response().setStatusCode(answer.statusCode()).end(body == null ? Buffer.buffer() : body.getDelegate());
    }

    private void unavailable(RoutingContext rc, Upstream upstream, Throwable failure) {
        LOG.warnf(
                "%s unavailable for %s %s: %s",
                upstream.serviceName(), rc.request().method(), rc.normalizedPath(), failure.toString());
        if (rc.response().closed()) {
            return;
        }
        responses.error(rc, UpstreamFailures.toApi(upstream, failure));
    }

    private void fail(RoutingContext rc, Throwable failure) {
        if (failure instanceof ApiException api) {
            if (api.code() == ErrorCode.RATE_LIMIT_EXCEEDED
                    && api.details() != null
                    && api.details().get("retryAfter") != null) {
                rc.response()
                        .putHeader("Retry-After", String.valueOf(api.details().get("retryAfter")));
            }
            responses.error(rc, api);
            return;
        }
        LOG.errorf(failure, "Gateway failure on %s %s", rc.request().method(), rc.normalizedPath());
        responses.error(rc, new ApiException(ErrorCode.INTERNAL_ERROR));
    }

    private static ProjectComposition.Reply reply(HttpResponse<io.vertx.mutiny.core.buffer.Buffer> answer) {
        return new ProjectComposition.Reply(answer.statusCode(), answer.bodyAsString());
    }
}
