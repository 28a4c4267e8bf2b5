package com.writerstree.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Properties;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service rolled back to its previous image (one migration fewer) starts on the schema its newer build migrated,
 * with the Flyway settings every service shares (out-of-order, and the ignore patterns of
 * {@code META-INF/microprofile-config.properties}); without them it would not. Plain Flyway against the real
 * PostgreSQL, in a scratch schema; the services' own migrations are checked by starting the previous image on a
 * migrated schema (deploy/k8s/README.md, "Roll back one service").
 */
class RollbackMigrationsTest {

    private static final String URL = "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432")
            + "/" + env("DB_NAME", "writerstree_test");
    private static final String USER = env("DB_USER", "postgres");
    private static final String PASSWORD = env("DB_PASSWORD", "");

    private final String schema =
            "rollback_test_" + UUID.randomUUID().toString().substring(0, 8);

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The value every service ships (platform-messaging's microprofile-config.properties). */
    private static String[] sharedIgnorePatterns() throws IOException {
        for (URL url : Collections.list(RollbackMigrationsTest.class
                .getClassLoader()
                .getResources("META-INF/microprofile-config.properties"))) {
            Properties properties = new Properties();
            try (InputStream in = url.openStream()) {
                properties.load(in);
            }
            String patterns = properties.getProperty("quarkus.flyway.ignore-migration-patterns");
            if (patterns != null && "true".equals(properties.getProperty("quarkus.flyway.out-of-order"))) {
                return patterns.split(",");
            }
        }
        throw new AssertionError("no shared quarkus.flyway.ignore-migration-patterns with out-of-order on");
    }

    private FluentConfiguration build(String migrations) {
        return Flyway.configure()
                .dataSource(URL, USER, PASSWORD)
                .schemas(schema)
                .locations("classpath:rollback/" + migrations)
                .outOfOrder(true);
    }

    @BeforeEach
    void newerBuildMigrated() {
        assertEquals(3, build("v2").load().migrate().migrationsExecuted);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void thePreviousBuildStartsOnTheNewerSchema() throws IOException {
        Flyway previous =
                build("v1").ignoreMigrationPatterns(sharedIgnorePatterns()).load();
        assertEquals(0, previous.migrate().migrationsExecuted); // validates, then nothing to apply
        assertEquals("2", previous.info().current().getVersion().getVersion());
    }

    @Test
    void withoutPatternsItIsRefused() {
        // what a service gets with the property unset (Quarkus passes an empty list, not Flyway's own "*:future"):
        // the previous content-service image failed to start so on a schema with V7 (seen on the bench stack)
        Flyway previous = build("v1").ignoreMigrationPatterns(new String[0]).load();
        FlywayValidateException refused = assertThrows(FlywayValidateException.class, previous::migrate);
        assertTrue(refused.getMessage().contains("not resolved locally"), refused.getMessage());
    }
}
