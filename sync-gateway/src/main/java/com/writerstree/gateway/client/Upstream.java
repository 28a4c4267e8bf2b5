package com.writerstree.gateway.client;

/** The services behind the gateway: config key ({@code gateway.services.<key>.url}) and the name clients see. */
public enum Upstream {
    IDENTITY("identity", "identity-service"),
    PROJECT("project", "project-service"),
    CONTENT("content", "content-service"),
    EXPORT("export", "export-service"),
    STATS("stats", "stats-service"),
    SUGGESTION("suggestion", "suggestion-service");

    private final String key;
    private final String serviceName;

    Upstream(String key, String serviceName) {
        this.key = key;
        this.serviceName = serviceName;
    }

    public String key() {
        return key;
    }

    public String serviceName() {
        return serviceName;
    }
}
