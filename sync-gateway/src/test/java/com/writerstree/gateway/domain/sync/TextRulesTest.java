package com.writerstree.gateway.domain.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.gateway.api.sync.TextFrames;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void nulAndUnpairedSurrogatesAreRefusedValidTextPasses() throws Exception {
        assertNull(TextRules.problem("Plain text, é, \uD83D\uDE00, tabs\tand\nlines"));
        assertNotNull(TextRules.problem("a\u0000b"));
        assertNotNull(TextRules.problem("Ab1defgh\uD800"));
        assertNotNull(TextRules.problem("\uDC00x"));
        assertNotNull(TextRules.problem("x\uD800y"));
        var patch =
                new ObjectMapper().readTree("[{\"op\":\"retain\",\"n\":1},{\"op\":\"insert\",\"text\":\"\\u0000\"}]");
        assertNotNull(TextRules.problemInPatch(patch));
        assertNull(TextRules.problemInPatch(new ObjectMapper().readTree("[{\"op\":\"insert\",\"text\":\"ok\"}]")));
    }

    @Test
    void strictUtf8DecodingRefusesOverlongAndInvalidBytes() {
        assertEquals("é😀", TextFrames.decode("é😀".getBytes(StandardCharsets.UTF_8)));
        assertNull(TextFrames.decode(new byte[] {(byte) 0xC0, (byte) 0xAF})); // overlong '/'
        assertNull(TextFrames.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})); // encoded surrogate
        assertNull(TextFrames.decode(new byte[] {'a', (byte) 0xE2, (byte) 0x82})); // truncated
        assertNull(TextFrames.decode(new byte[] {(byte) 0xFF}));
    }
}
