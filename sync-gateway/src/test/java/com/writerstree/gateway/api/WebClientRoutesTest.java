package com.writerstree.gateway.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which paths the browser client answers: its pages and files, never the API, the socket or Quarkus' own. */
class WebClientRoutesTest {

    @Test
    void clientPagesAndFilesAreServed() {
        for (String path : new String[] {
            "/",
            "/index.html",
            "/signin",
            "/signup",
            "/forgot-password",
            "/stats",
            "/verify-email",
            "/reset-password",
            "/projects",
            "/projects/",
            "/projects/archived",
            "/projects/5f0c2c9e-1b8a-4c55-9a43-0a8e1d2b3c4d",
            "/projects/5f0c2c9e-1b8a-4c55-9a43-0a8e1d2b3c4d/versions",
            "/app/main.js",
            "/app/style.css"
        }) {
            assertTrue(WebClientRoutes.serves(path), path);
        }
    }

    @Test
    void apiSocketDocsAndQuarkusPathsAreNotShadowed() {
        for (String path : new String[] {
            "/api/v1/projects",
            "/api/v1/auth/login",
            "/v1/projects",
            "/v1/health",
            "/health",
            "/ws/sync",
            "/socket.io/",
            "/api-docs",
            "/q/health/ready",
            "/app/../etc/passwd",
            "/app/main.java",
            "/app/",
            "/projects/a/b/c",
            "/favicon.ico",
            "/anything-else"
        }) {
            assertFalse(WebClientRoutes.serves(path), path);
        }
    }
}
