package com.writerstree.platform.web;

/**
 * HTTP headers the suite's services send each other, named once (the request id is {@link RequestIds#HEADER}, the
 * service credential {@code ServiceCredential.HEADER}; docs/CONTRACTS.md).
 */
public final class SuiteHeaders {

    /**
     * The WebSocket connection a save came from: the gateway sets it on {@code PUT /projects/{id}/content}, and
     * content-service carries it into {@code ContentSaved.origin} so that the gateway does not echo the save back to
     * the device that sent it. Never set by a client: the gateway drops it from forwarded requests.
     */
    public static final String SYNC_ORIGIN = "X-Sync-Origin";

    private SuiteHeaders() {}
}
