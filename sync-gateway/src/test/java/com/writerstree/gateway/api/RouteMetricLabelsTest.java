package com.writerstree.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway proxies raw paths, so its metric route labels come from the match patterns in application.properties
 * (Quarkus applies them in order, first full match wins). Every route of {@link RouteTable} must get a label of its
 * own that holds no id, under both prefixes; anything else under the prefixes folds into one label.
 */
class RouteMetricLabelsTest {

    private static final String ID = "6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String UNMATCHED = "/api/v1/{unmatched}";
    private static final Map<Pattern, String> PATTERNS = new LinkedHashMap<>();

    @BeforeAll
    static void loadPatterns() throws IOException {
        Properties props = new Properties();
        try (InputStream in = RouteMetricLabelsTest.class.getResourceAsStream("/application.properties")) {
            props.load(in);
        }
        String value = props.getProperty("quarkus.micrometer.binder.http-server.match-patterns");
        assertNotNull(value, "the gateway configures route label patterns");
        for (String entry : value.split(",")) {
            int eq = entry.lastIndexOf('=');
            PATTERNS.put(
                    Pattern.compile(entry.substring(0, eq).trim()),
                    entry.substring(eq + 1).trim());
        }
    }

    /** The label Quarkus' HTTP binder gives a path: the first matching pattern's template, else the path. */
    private static String label(String path) {
        for (Map.Entry<Pattern, String> e : PATTERNS.entrySet()) {
            if (e.getKey().matcher(path).matches()) {
                return e.getValue();
            }
        }
        return path;
    }

    private static List<String> samples(String pattern) {
        String concrete = pattern.replaceAll("\\{[^}]+}", ID);
        if (!concrete.endsWith("/**")) {
            return List.of(concrete);
        }
        String base = concrete.substring(0, concrete.length() - 3);
        return switch (base) {
            case "/auth" -> List.of(base + "/login", base + "/register", base + "/reset-password");
            case "/analytics" -> List.of(base + "/event");
            default -> List.of(base + "/" + ID, base + "/" + ID + "/restore");
        };
    }

    @Test
    void everyRouteHasItsOwnLabelWithoutIds() {
        List<String> checked = new ArrayList<>();
        for (RouteTable.Route route : RouteTable.ROUTES) {
            for (String sample : samples(route.pattern())) {
                for (String prefix : RouteTable.PREFIXES) {
                    String path = prefix + sample;
                    String label = label(path);
                    assertFalse(label.contains(ID), path + " is labelled " + label);
                    assertNotEquals(UNMATCHED, label, path + " has no label of its own");
                    assertTrue(label.startsWith("/api/v1/"), path + " is labelled " + label);
                    checked.add(path);
                }
            }
        }
        assertTrue(checked.size() >= 2 * RouteTable.ROUTES.size());
    }

    @Test
    void bothPrefixesShareALabel() {
        assertEquals(label("/api/v1/projects/" + ID + "/content"), label("/v1/projects/" + ID + "/content"));
        assertEquals("/api/v1/projects/{id}/versions/{versionId}/restore", label("/v1/projects/1/versions/2/restore"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/" + ID,
                "/v1/projects/" + ID + "/junk/" + ID,
                "/api/v1/users/" + ID,
                "/api/v1/analytics/" + ID,
                "/api/v1"
            })
    void junkUnderThePrefixesFoldsIntoOneLabel(String path) {
        assertEquals(UNMATCHED, label(path));
    }
}
