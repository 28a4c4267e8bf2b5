package com.writerstree.identity.api;

import com.writerstree.identity.client.PurgeConfirmations;
import com.writerstree.identity.client.PurgeConfirmations.ServiceStatus;
import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.platform.web.ApiResponse;
import io.agroal.api.AgroalDataSource;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operator's view of purges (identity README "Account deletion"): the most recent UserPurged events identity
 * published (its own purge receipts: event id and time, no user id) and, per event, whether every other service
 * confirmed it ({@code GET <service>/internal/purges/{eventId}}): {@code confirmed}, {@code pending} (404 there: a
 * stalled purge once it stays so) or {@code unreachable}. Service credential required, like every internal route.
 */
@Path("/internal/purges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service routes (X-Service-Token); not routed by the gateway")
public class PurgeStatusResource {

    public record PurgeStatus(UUID eventId, Instant purgedAt, boolean complete, Map<String, ServiceStatus> services) {}

    private final AgroalDataSource dataSource;
    private final IdentityConfig config;
    private final PurgeConfirmations confirmations;

    public PurgeStatusResource(AgroalDataSource dataSource, IdentityConfig config, PurgeConfirmations confirmations) {
        this.dataSource = dataSource;
        this.config = config;
        this.confirmations = confirmations;
    }

    @GET
    @Operation(summary = "Recent purges and which services confirmed each (service credential required)")
    @APIResponse(responseCode = "200", description = "data: [{eventId, purgedAt, complete, services:{name:{status}}}]")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED: missing or wrong X-Service-Token")
    public ApiResponse<List<PurgeStatus>> list(@QueryParam("limit") @DefaultValue("20") int limit) {
        List<PurgeStatus> answer = new ArrayList<>();
        for (Map.Entry<UUID, Instant> purge :
                recent(Math.max(1, Math.min(limit, 200))).entrySet()) {
            Map<String, ServiceStatus> services = new TreeMap<>();
            services.put("identity-service", new ServiceStatus("confirmed", purge.getValue()));
            config.deletion()
                    .confirmingServices()
                    .forEach((name, url) -> services.put(name, confirmations.ask(url, purge.getKey())));
            boolean complete = services.values().stream().allMatch(s -> "confirmed".equals(s.status()));
            answer.add(new PurgeStatus(purge.getKey(), purge.getValue(), complete, services));
        }
        return ApiResponse.ok(answer);
    }

    private Map<UUID, Instant> recent(int limit) {
        Map<UUID, Instant> purges = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT event_id, completed_at FROM purge_receipts ORDER BY completed_at DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    purges.put(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the purge receipts failed", e);
        }
        return purges;
    }
}
