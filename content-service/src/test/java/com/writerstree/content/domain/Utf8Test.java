package com.writerstree.content.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void measuresUtf8BytesNotChars() {
        String text = "aé€😀"; // 1 + 2 + 3 + 4 bytes
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length == 10);
        assertFalse(Utf8.exceeds(text, 10));
        assertTrue(Utf8.exceeds(text, 9));
    }

    @Test
    void asciiAtTheLimitFits() {
        String text = "a".repeat(1000);
        assertFalse(Utf8.exceeds(text, 1000));
        assertTrue(Utf8.exceeds(text + "b", 1000));
        assertFalse(Utf8.exceeds("", 0));
    }

    @Test
    void multiByteTextNearTheLimit() {
        String text = "€".repeat(400); // 1200 bytes in 400 chars
        assertFalse(Utf8.exceeds(text, 1200));
        assertTrue(Utf8.exceeds(text, 1199));
    }

    @Test
    void lengthIsTheEncodedLength() {
        String[] pieces = {"a", "é", "€", "😀", "東", " ", "\n", "𝄞"};
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(50); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            assertEquals(t.getBytes(StandardCharsets.UTF_8).length, Utf8.length(t));
        }
    }
}
