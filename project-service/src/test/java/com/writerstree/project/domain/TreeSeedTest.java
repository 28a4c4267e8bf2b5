package com.writerstree.project.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TreeSeedTest {

    private static final UUID USER = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID PROJECT = UUID.fromString("22222222-2222-2222-2222-222222222222");
    private static final Instant CREATED = Instant.parse("2026-01-25T15:00:00Z");

    @Test
    void isTheSha256HexOfUserProjectAndEpochMillis() {
        // printf '%s' '<user>-<project>-1769353200000' | sha256sum
        assertEquals(
                "5f3114cccef605f0481c23c64aa4e82267d11a038c1e04edbb9ec7afcc03ff98",
                TreeSeed.of(USER, PROJECT, CREATED));
    }

    @Test
    void isDeterministicForTheSameInputs() {
        assertEquals(TreeSeed.of(USER, PROJECT, CREATED), TreeSeed.of(USER, PROJECT, CREATED));
    }

    @Test
    void differsWhenTheCreationMillisecondDiffers() {
        assertNotEquals(TreeSeed.of(USER, PROJECT, CREATED), TreeSeed.of(USER, PROJECT, CREATED.plusMillis(1)));
    }

    @Test
    void ignoresSubMillisecondPrecision() {
        assertEquals(TreeSeed.of(USER, PROJECT, CREATED), TreeSeed.of(USER, PROJECT, CREATED.plusNanos(999_999)));
    }
}
