package com.writerstree.platform.event;

/** The suite's topics (logical names; a deployment may prefix them, see {@code writerstree.kafka.topic-prefix}). */
public enum Topic {
    USER_EVENTS("user-events"),
    PROJECT_EVENTS("project-events"),
    CONTENT_EVENTS("content-events"),
    EXPORT_EVENTS("export-events");

    private final String logicalName;

    Topic(String logicalName) {
        this.logicalName = logicalName;
    }

    public String logicalName() {
        return logicalName;
    }
}
