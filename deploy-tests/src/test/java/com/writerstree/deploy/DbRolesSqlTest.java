package com.writerstree.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-service database roles (deploy/k8s/components/db-roles/service-roles.sql), run against the real
 * PostgreSQL inside a transaction that is rolled back (roles are cluster-wide; nothing stays behind): each role
 * owns its schema and cannot read another's, and its connection limit is the budget the manifests imply.
 */
class DbRolesSqlTest {

    /** PostgreSQL's max_connections the README asks for, minus room for admin sessions and the exporter. */
    static final int CONNECTION_BUDGET = 230;

    private static final String DB = "writerstree_deploy_tests";
    private static Path sql;

    @BeforeAll
    static void database() {
        sql = Manifests.k8s().resolve("components/db-roles/service-roles.sql");
        Manifests.Result exists =
                psql("postgres", List.of("-tAc", "select 1 from pg_database where datname='" + DB + "'"));
        if (!exists.out().contains("1")) {
            Manifests.Result created = psql("postgres", List.of("-c", "create database " + DB));
            assertTrue(created.exit() == 0 || created.err().contains("already exists"), created.err());
        }
    }

    private static Manifests.Result psql(String db, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(
                "psql",
                "-X",
                "-h",
                System.getenv().getOrDefault("DB_HOST", "127.0.0.1"),
                "-p",
                System.getenv().getOrDefault("DB_PORT", "5432"),
                "-U",
                "postgres",
                "-d",
                db,
                "-v",
                "ON_ERROR_STOP=1"));
        for (String s : List.of("identity", "project", "content", "export", "stats", "suggestion")) {
            cmd.addAll(List.of("-v", s + "_password=test-" + s));
        }
        cmd.addAll(args);
        try {
            return Manifests.run(cmd, null);
        } catch (UncheckedIOException e) {
            fail("psql is not installed (postgresql-client; deploy/lib/prereqs.sh installs it): " + e.getMessage());
            throw e;
        }
    }

    /** Runs the roles script and then {@code after} in one transaction that is never committed. */
    private static Manifests.Result inRolledBackTransaction(String after) throws IOException {
        Path script = Files.createTempFile("wt-roles", ".sql");
        try {
            Files.writeString(script, "BEGIN;\n\\i " + sql + "\n" + after + "\nROLLBACK;\n");
            return psql(DB, List.of("-q", "-f", script.toString()));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    @Test
    void eachRoleOwnsItsSchemaAndWorksInIt() throws IOException {
        Manifests.Result r = inRolledBackTransaction("""
                SET ROLE wt_content;
                CREATE TABLE content.probe(id int);
                INSERT INTO content.probe VALUES (1);
                SELECT 'rows=' || count(*) FROM content.probe;
                RESET ROLE;
                SELECT 'owner=' || nspowner::regrole FROM pg_namespace WHERE nspname = 'identity';
                """);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("rows=1"), r.out());
        assertTrue(r.out().contains("owner=wt_identity"), r.out());
    }

    @Test
    void aRoleCannotReadAnotherServicesSchema() throws IOException {
        Manifests.Result r = inRolledBackTransaction("""
                SET ROLE wt_identity;
                CREATE TABLE identity.users_probe(email text);
                RESET ROLE;
                SET ROLE wt_content;
                SELECT * FROM identity.users_probe;
                """);
        assertNotEquals(0, r.exit(), "wt_content read identity's table");
        assertTrue(r.err().contains("permission denied for schema identity"), r.err());
    }

    @Test
    void theScriptIsIdempotent() throws IOException {
        Manifests.Result r = inRolledBackTransaction("\\i " + sql + "\nSELECT 'second run ok';");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("second run ok"), r.out());
    }

    @Test
    void connectionLimitsAreTheBudgetOfPoolsTimesReplicas() throws IOException {
        Map<String, Integer> limits = new HashMap<>();
        Matcher m = Pattern.compile("\\('wt_(\\w+)',\\s*'\\w+',\\s*:'\\w+',\\s*(\\d+)\\)")
                .matcher(Files.readString(sql));
        while (m.find()) {
            limits.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        Map<String, HasMetadata> prod = ManifestsTest.load("overlays/prod");
        int total = 0;
        for (String svc : Manifests.SERVICES) {
            if (svc.equals("sync-gateway")) {
                continue;
            }
            Deployment d = ManifestsTest.deployment(prod, svc);
            int pool = Integer.parseInt(ManifestsTest.env(d).get("DB_POOL_MAX"));
            HorizontalPodAutoscaler hpa = ManifestsTest.ofKind(prod, HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getMetadata().getName().equals(svc))
                    .findFirst()
                    .orElseThrow();
            // every replica at its pool maximum, plus the surge pod of a rolling update
            int budget = pool * (hpa.getSpec().getMaxReplicas() + 1);
            String schema = svc.substring(0, svc.indexOf('-'));
            assertEquals(budget, limits.get(schema), svc + ": CONNECTION LIMIT of wt_" + schema);
            total += budget;
        }
        assertTrue(
                total <= CONNECTION_BUDGET,
                "all services together may open " + total + " connections; the README's PostgreSQL sizing allows "
                        + CONNECTION_BUDGET);

        Manifests.Result r = inRolledBackTransaction(
                "SELECT 'limit ' || rolname || '=' || rolconnlimit FROM pg_roles WHERE rolname LIKE 'wt\\_%';");
        assertEquals(0, r.exit(), r.err());
        limits.forEach((schema, limit) -> assertTrue(r.out().contains("limit wt_" + schema + "=" + limit), r.out()));
    }
}
