package com.writerstree.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.gateway.api.RouteTable.Handling;
import com.writerstree.gateway.client.Upstream;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

    private static final String ID = "6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "POST,   /auth/register,                          IDENTITY",
        "POST,   /auth/login,                             IDENTITY",
        "POST,   /auth/google,                            IDENTITY",
        "POST,   /auth/verify-email,                      IDENTITY",
        "POST,   /auth/forgot-password,                   IDENTITY",
        "POST,   /auth/reset-password,                    IDENTITY",
        "POST,   /auth/logout,                            IDENTITY",
        "GET,    /users/me,                               IDENTITY",
        "PATCH,  /users/me,                               IDENTITY",
        "DELETE, /users/me,                               IDENTITY",
        "GET,    /users/me/stats,                         STATS",
        "POST,   /users/me/export,                        EXPORT",
        "GET,    /projects,                               PROJECT",
        "POST,   /projects,                               PROJECT",
        "PATCH,  /projects/" + ID + ",                    PROJECT",
        "DELETE, /projects/" + ID + ",                    PROJECT",
        "POST,   /projects/" + ID + "/restore,            PROJECT",
        "PUT,    /projects/" + ID + "/content,            CONTENT",
        "GET,    /projects/" + ID + "/content,            CONTENT",
        "GET,    /projects/" + ID + "/versions,           CONTENT",
        "GET,    /projects/" + ID + "/versions/v-42,      CONTENT",
        "POST,   /projects/" + ID + "/versions/v-42/restore, CONTENT",
        "POST,   /projects/" + ID + "/export,             EXPORT",
        "POST,   /projects/" + ID + "/export-tree,        EXPORT",
        "GET,    /exports,                                EXPORT",
        "GET,    /exports/" + ID + ",                     EXPORT",
        "POST,   /analytics/event,                        STATS",
        "GET,    /projects/" + ID + "/stats,              STATS",
        "POST,   /projects/" + ID + "/milestones/25_percent/celebrate, STATS",
        "POST,   /suggestions,                            SUGGESTION"
    })
    void forwardsEachRouteToItsServiceUnderBothPrefixes(String method, String path, Upstream upstream) {
        for (String prefix : RouteTable.PREFIXES) {
            RouteTable.Found found = assertInstanceOf(RouteTable.Found.class, RouteTable.match(method, prefix + path));
            assertEquals(Handling.FORWARD, found.route().handling());
            assertEquals(upstream, found.route().upstream());
            assertEquals(path, found.path(), "the prefix is stripped");
        }
    }

    @Test
    void authRoutesAreTheOnlyPublicForwards() {
        assertTrue(found("POST", "/api/v1/auth/login").route().isPublic());
        assertFalse(found("GET", "/api/v1/users/me").route().isPublic());
        assertFalse(found("GET", "/api/v1/projects").route().isPublic());
        for (RouteTable.Route route : RouteTable.ROUTES) {
            boolean expectedPublic =
                    route.pattern().startsWith("/auth/") || route.pattern().equals("/health");
            assertEquals(expectedPublic, route.isPublic(), route.pattern());
        }
    }

    @Test
    void getOfOneProjectIsComposedWithItsId() {
        RouteTable.Found found = found("GET", "/v1/projects/" + ID);
        assertEquals(Handling.COMPOSE_PROJECT, found.route().handling());
        assertFalse(found.route().isPublic());
        assertNull(found.route().upstream());
        assertEquals(Map.of("id", ID), found.params());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/health/", "/api/v1/health", "/v1/health"})
    void healthIsPublicWithOrWithoutPrefix(String path) {
        RouteTable.Found found = found("GET", path);
        assertEquals(Handling.HEALTH, found.route().handling());
        assertTrue(found.route().isPublic());
    }

    @Test
    void trailingSlashIsIgnored() {
        assertEquals("/projects", found("GET", "/api/v1/projects/").path());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/nope",
                "/api/v1",
                "/api/v1/",
                "/v1",
                "/api/v2/projects",
                "/projects",
                "/users/me",
                "/api/v1x/projects",
                "/api/v1/projects/" + ID + "/unknown",
                "/api/v1/projects//content",
                "/api/v1/users/me/stats/extra",
                "/api/v1/users",
                "/api/v1/users/someone-else",
                "/",
                "/healthz",
                "/api/v1/auth",
                "/api/v1/analytics",
                "/api/v1/Projects"
            })
    void unknownPathsAreNotFound(String path) {
        assertInstanceOf(RouteTable.NotFound.class, RouteTable.match("GET", path));
    }

    @ParameterizedTest(name = "{0} {1} -> 405, allowed {2}")
    @CsvSource({
        "PUT,    /api/v1/projects,          GET POST",
        "DELETE, /v1/projects,              GET POST",
        "POST,   /api/v1/users/me,          DELETE GET PATCH",
        "PUT,    /api/v1/projects/" + ID + ", DELETE GET PATCH",
        "POST,   /api/v1/projects/" + ID + ", DELETE GET PATCH",
        "POST,   /health,                   GET"
    })
    void knownPathWithWrongMethodIsNotAllowed(String method, String path, String allowed) {
        RouteTable.MethodNotAllowed notAllowed =
                assertInstanceOf(RouteTable.MethodNotAllowed.class, RouteTable.match(method, path));
        assertEquals(Set.of(allowed.split(" ")), notAllowed.allowed());
    }

    private static RouteTable.Found found(String method, String path) {
        return assertInstanceOf(RouteTable.Found.class, RouteTable.match(method, path));
    }
}
