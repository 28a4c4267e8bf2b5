package com.writerstree.systemtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stops and starts the local engines through the project's own script, {@code deploy/engines/engines.sh}. */
public final class Engines {

    private Engines() {}

    /** Runs {@code deploy/engines/engines.sh <action> <engine>} from the repository root and waits for it. */
    public static void run(String action, String engine, Duration timeout) {
        Path root = Stack.repoRoot();
        Path log;
        try {
            log = Files.createTempFile("engines-" + action + "-" + engine + "-", ".log");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // output goes to a file, not a pipe: a started engine keeps running after the script returns
        ProcessBuilder pb = new ProcessBuilder("bash", "deploy/engines/engines.sh", action, engine)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroy();
                throw new IllegalStateException("engines.sh " + action + " " + engine + " did not finish within "
                        + timeout + ":\n" + read(log));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(
                        "engines.sh " + action + " " + engine + " exited with " + p.exitValue() + ":\n" + read(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run engines.sh " + action + " " + engine, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running engines.sh " + action + " " + engine, e);
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    /** Whether something accepts TCP connections at {@code host:port}. */
    public static boolean reachable(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
