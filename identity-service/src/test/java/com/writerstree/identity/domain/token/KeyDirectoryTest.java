package com.writerstree.identity.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.identity.domain.token.KeyDirectory.KeySet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyDirectoryGetsOnePrivateKeyFile() throws Exception {
        Path keys = dir.resolve("keys");

        KeySet set = KeyDirectory.load(keys, Optional.empty(), true);

        Path file = keys.resolve(KeyDirectory.GENERATED_FILE);
        assertEquals(List.of(file), list(keys));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(KeyDirectory.GENERATED_FILE, set.active().fileName());
        assertEquals(2048, set.active().publicKey().getModulus().bitLength());
        // a restart reads the same key
        assertEquals(
                set.active().kid(),
                KeyDirectory.load(keys, Optional.empty(), true).active().kid());
    }

    @Test
    void withoutGenerationAnEmptyDirectoryIsAStartFailure() {
        assertThrows(IllegalStateException.class, () -> KeyDirectory.load(dir, Optional.empty(), false));
    }

    @Test
    void theNewestKeySignsUnlessOneIsConfiguredAndAllArePublished() throws Exception {
        write("2026-q1.pem", Instant.parse("2026-01-01T00:00:00Z"));
        write("2026-q2.pem", Instant.parse("2026-04-01T00:00:00Z"));

        KeySet newest = KeyDirectory.load(dir, Optional.empty(), false);
        assertEquals("2026-q2.pem", newest.active().fileName());
        assertEquals(2, newest.all().size());

        KeySet pinned = KeyDirectory.load(dir, Optional.of("2026-q1.pem"), false);
        assertEquals("2026-q1.pem", pinned.active().fileName());
        assertEquals(2, pinned.all().size());

        assertThrows(IllegalStateException.class, () -> KeyDirectory.load(dir, Optional.of("missing.pem"), false));
    }

    @Test
    void twoProcessesStartingAtOnceEndUpWithOneKey() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<String> start = () ->
                    KeyDirectory.load(dir, Optional.empty(), true).active().kid();
            List<Future<String>> kids = pool.invokeAll(List.of(start, start, start, start));
            String first = kids.get(0).get();
            for (Future<String> kid : kids) {
                assertEquals(first, kid.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(dir.resolve(KeyDirectory.GENERATED_FILE)), list(dir));
    }

    @Test
    void aFileThatIsNotAPkcs8KeyStopsTheStart() throws Exception {
        Files.writeString(
                dir.resolve("broken.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> KeyDirectory.load(dir, Optional.empty(), true));
        assertTrue(e.getMessage().contains("PKCS#8"));
    }

    private void write(String name, Instant modified) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path file = dir.resolve(name);
        Files.writeString(file, KeyDirectory.toPem(generator.generateKeyPair().getPrivate()));
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
