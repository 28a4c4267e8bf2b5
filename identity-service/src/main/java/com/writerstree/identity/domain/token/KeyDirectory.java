package com.writerstree.identity.domain.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The signing keys on disk: every {@code *.pem} file in one directory is a PKCS#8 PEM RSA private key. One of
 * them signs new tokens (the configured file, else the newest); all of them verify, which is what makes key
 * rotation work. No Quarkus here, so the rules are tested as plain JUnit.
 */
public final class KeyDirectory {

    /** The file name a generated key gets; fixed, so that two processes starting at once agree on one key. */
    public static final String GENERATED_FILE = "signing-key-generated.pem";

    private static final int KEY_SIZE = 2048;

    public record SigningKey(
            String fileName, String kid, PrivateKey privateKey, RSAPublicKey publicKey, FileTime modified) {}

    public record KeySet(SigningKey active, List<SigningKey> all) {}

    private KeyDirectory() {}

    /**
     * Loads every key of {@code dir}, newest first. Creates one first when the directory holds none and
     * {@code generateIfMissing}; fails (the service must not start) when there is still none, or the
     * configured active key is missing.
     */
    public static KeySet load(Path dir, Optional<String> activeKey, boolean generateIfMissing) {
        List<SigningKey> found = read(dir);
        if (found.isEmpty() && generateIfMissing) {
            generate(dir);
            found = read(dir);
        }
        List<SigningKey> keys = found;
        if (keys.isEmpty()) {
            throw new IllegalStateException("No signing key (*.pem) in " + dir.toAbsolutePath()
                    + " and identity.jwt.generate-if-missing is false");
        }
        SigningKey active = activeKey
                .filter(name -> !name.isBlank())
                .map(name -> find(keys, name, dir))
                .orElse(keys.get(0));
        return new KeySet(active, List.copyOf(keys));
    }

    private static SigningKey find(List<SigningKey> keys, String name, Path dir) {
        return keys.stream()
                .filter(k -> k.fileName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "identity.jwt.active-key '" + name + "' is not a *.pem file in " + dir.toAbsolutePath()));
    }

    static List<SigningKey> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<SigningKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem"))
                    .filter(Files::isRegularFile)
                    .toList()) {
                RSAPrivateCrtKey privateKey = readPem(file);
                RSAPublicKey publicKey = publicPart(privateKey);
                keys.add(new SigningKey(
                        file.getFileName().toString(),
                        JsonWebKey.of(publicKey).kid(),
                        privateKey,
                        publicKey,
                        Files.getLastModifiedTime(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read signing keys in " + dir.toAbsolutePath(), e);
        }
        keys.sort(Comparator.comparing(SigningKey::modified)
                .thenComparing(SigningKey::fileName)
                .reversed());
        return keys;
    }

    /**
     * Writes a new key to a private temporary file and publishes it under {@link #GENERATED_FILE} with a hard
     * link, which is atomic and fails when the name exists: when two processes race, one key wins and both
     * use it. Where links are unsupported, an atomic rename is the fallback.
     */
    static void generate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(GENERATED_FILE);
            Path tmp = createPrivateTempFile(dir);
            try {
                Files.writeString(tmp, toPem(newKey()), StandardCharsets.US_ASCII);
                try {
                    Files.createLink(target, tmp);
                } catch (FileAlreadyExistsException lostRace) {
                    // another process published its key first: use that one
                } catch (UnsupportedOperationException | IOException noLinks) {
                    if (!Files.exists(target)) {
                        moveAtomically(tmp, target);
                    }
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a signing key in " + dir.toAbsolutePath(), e);
        }
    }

    private static void moveAtomically(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        }
    }

    private static Path createPrivateTempFile(Path dir) throws IOException {
        // ".tmp" suffix: never picked up as a key, even if a crash leaves the file behind
        try {
            return Files.createTempFile(
                    dir,
                    ".signing-key-",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, ".signing-key-", ".tmp");
        }
    }

    private static PrivateKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation unavailable", e);
        }
    }

    static String toPem(PrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    static RSAPrivateCrtKey readPem(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(file + " is not a PKCS#8 PEM private key (BEGIN PRIVATE KEY); convert"
                    + " it with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out new.pem");
        }
        String base64 = pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end)
                .replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (key instanceof RSAPrivateCrtKey crt) {
                return crt;
            }
            throw new IllegalStateException(file + " holds no RSA CRT private key");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a readable RSA private key", e);
        }
    }

    static RSAPublicKey publicPart(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }
}
