package com.writerstree.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fault injection for the {@code fault} suite ({@code deploy/fault.sh <env-file>}): kill -9 and restart one
 * service of the stack through {@code deploy/stack.sh kill|start <env> <service>} (pid files, never by name), and
 * make the stack's own database unreachable without touching the shared PostgreSQL server.
 *
 * <p>{@code -Dwt.stack.env} is the stack's env file (or stack name) given to deploy/stack.sh; {@code -Dwt.stack}
 * its name (pid files {@code .run/pids/<stack>-<service>.pid}).
 */
final class Faults {

    private Faults() {}

    static String stackEnv() {
        return System.getProperty("wt.stack.env", System.getProperty("wt.stack", "it"));
    }

    static String stackName() {
        return System.getProperty("wt.stack", "it");
    }

    /** Whether deploy/stack.sh started {@code service} of this stack (its pid file exists). */
    static boolean managed(String service) {
        return Files.isRegularFile(Stack.repoRoot().resolve(".run/pids/" + stackName() + "-" + service + ".pid"));
    }

    /** Skips the test unless the stack runs a second gateway replica that deploy/stack.sh started. */
    static void assumeSecondReplica() {
        assumeTrue(
                !Stack.gateway2Url().equals(Stack.gatewayUrl()) && managed("sync-gateway-2"),
                "needs the second gateway replica started by deploy/stack.sh (-Dwt.gateway2.url)");
    }

    /** SIGKILL of one service of the stack (no shutdown hooks, no graceful close). */
    static void kill9(String service) throws Exception {
        stackSh(60, "kill", service);
    }

    /** A graceful stop of one service of the stack (SIGTERM, as Kubernetes does; KILL only after 30 s). */
    static void stop(String service) throws Exception {
        stackSh(60, "stop", service);
    }

    /** Starts one service of the stack again and waits until it is ready. */
    static void start(String service) throws Exception {
        stackSh(200, "start", service);
    }

    // ---------------------------------------------------------------- the stack's own engines

    /** The port of the stack's own Redis ({@code -Dwt.redis.port}, REDIS_PORT of its env file), or -1. */
    static int redisPort() {
        return Integer.getInteger("wt.redis.port", -1);
    }

    /** The port of the stack's own s3proxy ({@code -Dwt.s3.port}, S3_PORT of its env file), or -1. */
    static int s3Port() {
        return Integer.getInteger("wt.s3.port", -1);
    }

    /** Whether deploy/stack.sh runs an engine of the stack's own ({@code redis}, {@code s3}) on a known port. */
    static boolean ownEngine(String engine) {
        int port = "redis".equals(engine) ? redisPort() : s3Port();
        return port > 0 && managed(engine);
    }

    /**
     * Sends one inline command to the stack's own Redis and returns its answer's lines up to the first integer
     * reply (":n") or simple answer ("+..."); used to see the gateway's pub/sub subscriptions from outside.
     */
    static long redisInteger(String inlineCommand) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", redisPort())) {
            socket.setSoTimeout(3000);
            socket.getOutputStream()
                    .write((inlineCommand + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(":")) {
                    return Long.parseLong(line.substring(1));
                }
                if (line.startsWith("-")) {
                    throw new java.io.IOException("Redis: " + line);
                }
            }
            throw new java.io.IOException("Redis closed the connection");
        }
    }

    private static void stackSh(int timeoutSeconds, String action, String service) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Stack.repoRoot().resolve("deploy/stack.sh").toString(), action, stackEnv(), service));
        Path log = Files.createTempFile("fault-stack-", ".log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done && p.exitValue() == 0, () -> String.join(" ", command) + " failed:\n" + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return "(no output)";
        }
    }

    // ---------------------------------------------------------------- the stack's database

    /** The name of the stack's database (from {@code wt.db.url}). */
    static String databaseName() {
        String url = Stack.dbUrl();
        String path = url.substring(url.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static Connection admin() throws SQLException {
        String url = Stack.dbUrl();
        String adminUrl = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        return DriverManager.getConnection(adminUrl, Stack.dbUser(), Stack.dbPassword());
    }

    /**
     * "The database is down" for this stack only: its database stops accepting connections and every open
     * connection to it is terminated (the shared server, used by everyone else, keeps running).
     */
    static void blockDatabase() throws SQLException {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE \"" + databaseName() + "\" ALLOW_CONNECTIONS false");
            try (PreparedStatement terminate = c.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                terminate.setString(1, databaseName());
                terminate.executeQuery().close();
            }
        }
    }

    /** Undoes {@link #blockDatabase()}. */
    static void unblockDatabase() throws SQLException {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE \"" + databaseName() + "\" ALLOW_CONNECTIONS true");
        }
    }
}
