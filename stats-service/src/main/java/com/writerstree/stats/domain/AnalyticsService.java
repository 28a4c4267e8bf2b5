package com.writerstree.stats.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.stats.config.StatsConfig;
import com.writerstree.stats.persistence.AnalyticsRepository;
import com.writerstree.stats.persistence.MilestoneRepository;
import com.writerstree.stats.persistence.ProjectRepository;
import com.writerstree.stats.persistence.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code POST /analytics/event} (spec §4.6) and the analytics recorded from the services' events. The services'
 * facts (project created/completed, milestone reached, exports, settings changed) are recorded from their events
 * with {@code source = 'server'}; a client may still send those types (the spec's example does) and they are
 * kept apart as {@code source = 'client'}.
 */
@ApplicationScoped
public class AnalyticsService {

    /** The spec's list (§4.6). */
    public static final Set<String> SPEC_TYPES = Set.of(
            "project_created",
            "project_completed",
            "milestone_reached",
            "bloom_animation_viewed",
            "tree_exported",
            "content_exported",
            "settings_changed");

    /** What the suite's clients emit beyond the spec's list. */
    public static final Set<String> CLIENT_TYPES = Set.of(
            "session_started",
            "session_ended",
            "editor_opened",
            "tree_viewed",
            "stats_viewed",
            "version_history_viewed",
            "suggestion_shown",
            "suggestion_accepted",
            "suggestion_dismissed",
            "offline_edit_synced");

    public static final int MAX_SESSION_ID = 255;
    public static final int MAX_USER_AGENT = 512;
    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AnalyticsRepository analytics;
    private final ProjectRepository projects;
    private final MilestoneRepository milestones;
    private final SettingsRepository settings;
    private final StatsConfig config;
    private final Clock clock;

    public AnalyticsService(
            AnalyticsRepository analytics,
            ProjectRepository projects,
            MilestoneRepository milestones,
            SettingsRepository settings,
            StatsConfig config,
            Clock clock) {
        this.analytics = analytics;
        this.projects = projects;
        this.milestones = milestones;
        this.settings = settings;
        this.config = config;
        this.clock = clock;
    }

    public static List<String> allowedTypes() {
        TreeSet<String> all = new TreeSet<>(SPEC_TYPES);
        all.addAll(CLIENT_TYPES);
        return List.copyOf(all);
    }

    /**
     * Records a client's event. The address is stored anonymised ({@link IpAnonymizer}), the user agent cut to
     * {@value #MAX_USER_AGENT} characters. {@code bloom_animation_viewed} naming one of the writer's projects and a
     * milestone also marks that bloom as celebrated.
     */
    @Transactional
    public void track(
            UUID userId, String eventType, JsonNode eventData, String sessionId, String clientIp, String userAgent) {
        if (eventType == null || !(SPEC_TYPES.contains(eventType) || CLIENT_TYPES.contains(eventType))) {
            throw new ApiException(
                    ErrorCode.VALIDATION_ERROR,
                    "eventType must be one of the known event types",
                    Map.of("field", "eventType", "allowed", allowedTypes()));
        }
        if (eventData != null && !eventData.isNull() && !eventData.isObject()) {
            throw ApiException.validation("eventData", "eventData must be an object");
        }
        String data = eventData == null || eventData.isNull() ? "{}" : eventData.toString();
        int max = config.analytics().maxEventDataBytes();
        if (data.getBytes(StandardCharsets.UTF_8).length > max) {
            throw new ApiException(
                    ErrorCode.VALIDATION_ERROR,
                    "eventData must be at most " + max + " bytes of JSON",
                    Map.of("field", "eventData", "maxBytes", max));
        }
        if (sessionId != null && (sessionId.isBlank() || sessionId.length() > MAX_SESSION_ID)) {
            throw ApiException.validation("sessionId", "sessionId must be 1 to " + MAX_SESSION_ID + " characters");
        }
        Instant now = clock.instant();
        // the writer's lock also orders concurrent requests of one writer, so the limit cannot be overrun
        settings.lock(userId);
        int limit = config.analytics().maxEventsPerMinute();
        if (analytics.countFromClientSince(userId, now.minus(RATE_WINDOW)) >= limit) {
            throw new ApiException(
                    ErrorCode.RATE_LIMIT_EXCEEDED,
                    ErrorCode.RATE_LIMIT_EXCEEDED.defaultMessage(),
                    Map.of("limit", limit, "window", "1m"));
        }
        analytics.fromClient(
                userId,
                eventType,
                data,
                sessionId,
                IpAnonymizer.anonymize(clientIp).orElse(null),
                userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT)),
                now);
        if ("bloom_animation_viewed".equals(eventType) && eventData != null) {
            celebrateFrom(userId, eventData, now);
        }
    }

    /** A fact from a service's event (inside the consumer's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFact(UUID eventId, UUID userId, String type, Map<String, Object> data, Instant occurredAt) {
        try {
            analytics.fromService(eventId, userId, type, JSON.writeValueAsString(data), occurredAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Analytics data cannot be encoded", e);
        }
    }

    private void celebrateFrom(UUID userId, JsonNode data, Instant now) {
        String milestone = data.path("milestone").asText("");
        UUID projectId;
        try {
            projectId = UUID.fromString(data.path("projectId").asText(""));
        } catch (IllegalArgumentException e) {
            return;
        }
        if (ProjectStatsService.MILESTONES.contains(milestone)
                && projects.find(projectId)
                        .filter(p -> p.userId().equals(userId))
                        .isPresent()) {
            milestones.celebrate(projectId, milestone, now);
        }
    }
}
