package com.writerstree.project.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The seed a client grows a project's tree from (spec §4.3): the SHA-256 hex digest of
 * {@code "<userId>-<projectId>-<epochMillis>"}, fixed at creation so the tree looks the same on every device.
 */
public final class TreeSeed {

    private TreeSeed() {}

    public static String of(UUID userId, UUID projectId, Instant createdAt) {
        String input = userId + "-" + projectId + "-" + createdAt.toEpochMilli();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
