package com.writerstree.platform.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsFiltersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/api/v1/projects/0b7e2a4c-1d2e-4f60-9a8b-0c1d2e3f4a5b/content, /api/v1/projects/{id}/content",
        "/projects/{id}/versions/{versionId}, /projects/{id}/versions/{versionId}",
        "/projects/42/versions/7/restore, /projects/{id}/versions/{id}/restore",
        "/auth/verify-email/abcdef0123456789abcdef, /auth/verify-email/{id}",
        "/users/me/export, /users/me/export",
        "/auth/resend-verification, /auth/resend-verification",
        "/api-docs/openapi.json, /api-docs/openapi.json",
        "NOT_FOUND, NOT_FOUND",
        "/, /"
    })
    void idsBecomeOneLabel(String uri, String expected) {
        assertEquals(expected, MetricsFilters.foldIds(uri));
    }
}
