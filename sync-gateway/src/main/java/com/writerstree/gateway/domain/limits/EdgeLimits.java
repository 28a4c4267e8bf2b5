package com.writerstree.gateway.domain.limits;

import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which limit a request falls under (spec §6.1, README "Limits"):
 * <ul>
 * <li>{@code POST /auth/{login,register,forgot-password,reset-password,google,resend-verification,verify-email}}:
 * {@code gateway.rate-limit.auth} per client IP and endpoint (fixed window);</li>
 * <li>content saves ({@code PUT /projects/{id}/content}, WebSocket {@code sync:content}): a token bucket per user
 * and project ({@code gateway.rate-limit.save});</li>
 * <li>{@code POST /projects/{id}/export|export-tree}, {@code POST /suggestions}, {@code POST /analytics/event}: a
 * fixed window of their own per user ({@code gateway.rate-limit.export|suggestions|analytics}), instead of the general
 * budget;</li>
 * <li>every other authenticated request: {@code gateway.rate-limit.user} per user (fixed window).</li>
 * </ul>
 */
@ApplicationScoped
public class EdgeLimits {

    public static final Set<String> AUTH_LIMITED = Set.of(
            "/auth/login",
            "/auth/register",
            "/auth/forgot-password",
            "/auth/reset-password",
            "/auth/google",
            "/auth/resend-verification",
            "/auth/verify-email");
    private static final Pattern CONTENT_SAVE = Pattern.compile("^/projects/([^/]+)/content/?$");
    private static final Pattern EXPORT = Pattern.compile("^/projects/[^/]+/(export|export-tree)/?$");
    private static final Pattern SUGGESTIONS = Pattern.compile("^/suggestions/?$");
    private static final Pattern ANALYTICS_EVENT = Pattern.compile("^/analytics/event/?$");

    private final GatewayConfig config;

    private final RateLimiter limiter;

    private final ClientAddress clientAddress;

    EdgeLimits(GatewayConfig config, RateLimiter limiter) {
        this.config = config;
        this.limiter = limiter;
        this.clientAddress = new ClientAddress(config.trustedProxies().orElse(List.of()));
    }

    public boolean isTrustedProxy(String peer) {
        return clientAddress.isTrusted(peer);
    }

    public String clientIp(HttpServerRequest request) {
        String peer = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        return clientAddress.resolve(peer, request.headers().getAll("X-Forwarded-For"));
    }

    /** The limit of a public route (only the auth entry points have one). */
    public Uni<Void> checkPublic(String method, String path, String clientIp) {
        String normalized = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (!config.rateLimit().enabled() || !"POST".equals(method) || !AUTH_LIMITED.contains(normalized)) {
            return Uni.createFrom().voidItem();
        }
        GatewayConfig.Window auth = config.rateLimit().auth();
        return enforce(
                limiter.window("rl:auth:" + normalized.substring(6) + ":" + clientIp, auth.max(), auth.window()),
                "Too many attempts, please try again later.");
    }

    /** The limit of an authenticated REST request. */
    public Uni<Void> checkUser(String method, String path, String userId) {
        if (!config.rateLimit().enabled()) {
            return Uni.createFrom().voidItem();
        }
        var save = CONTENT_SAVE.matcher(path);
        if ("PUT".equals(method) && save.matches()) {
            return checkSave(userId, save.group(1));
        }
        if ("POST".equals(method)) {
            GatewayConfig.RateLimit limits = config.rateLimit();
            if (EXPORT.matcher(path).matches()) {
                return checkWindow("rl:export:" + userId, limits.export(), "Too many exports, please try again later.");
            }
            if (SUGGESTIONS.matcher(path).matches()) {
                return checkWindow("rl:suggestions:" + userId, limits.suggestions(), null);
            }
            if (ANALYTICS_EVENT.matcher(path).matches()) {
                return checkWindow("rl:analytics:" + userId, limits.analytics(), null);
            }
        }
        return checkUserBudget(userId);
    }

    /** One request of the user's general API budget (REST reads and writes, each project of a sync:resume). */
    public Uni<Void> checkUserBudget(String userId) {
        if (!config.rateLimit().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return checkWindow("rl:user:" + userId, config.rateLimit().user(), null);
    }

    private Uni<Void> checkWindow(String key, GatewayConfig.Window window, String message) {
        return enforce(limiter.window(key, window.max(), window.window()), message);
    }

    /** The save budget of one user on one project (REST PUT content and WebSocket sync:content share it). */
    public Uni<Void> checkSave(String userId, String projectId) {
        if (!config.rateLimit().enabled()) {
            return Uni.createFrom().voidItem();
        }
        GatewayConfig.Bucket save = config.rateLimit().save();
        return enforce(limiter.bucket("rl:save:" + userId + ":" + projectId, save.rate(), save.burst()), null);
    }

    private static Uni<Void> enforce(Uni<RateLimiter.Decision> decision, String message) {
        return decision.map(d -> {
                    if (!d.allowed()) {
                        throw tooMany(d.retryAfterSeconds(), message);
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    public static ApiException tooMany(long retryAfterSeconds, String message) {
        return new ApiException(
                ErrorCode.RATE_LIMIT_EXCEEDED,
                message == null ? ErrorCode.RATE_LIMIT_EXCEEDED.defaultMessage() : message,
                Map.of("retryAfter", retryAfterSeconds));
    }
}
