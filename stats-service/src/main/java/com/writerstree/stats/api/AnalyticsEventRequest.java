package com.writerstree.stats.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Body of {@code POST /analytics/event} (spec §4.6). */
public record AnalyticsEventRequest(String eventType, JsonNode eventData, String sessionId) {}
