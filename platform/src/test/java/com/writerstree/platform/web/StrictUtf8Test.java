package com.writerstree.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8Test {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"title\":\"a\\u0000b\"}", // escaped NUL
                "{\"title\":\"ab\\u0000\"}",
                "{\"a\\u0000\":1}", // in a key
                "{\"password\":\"Ab1defgh\\ud800\"}", // high surrogate alone at the end
                "{\"t\":\"\\ud800x\"}", // high surrogate followed by text
                "{\"t\":\"\\ud800\\u0041\"}", // high surrogate followed by a non-low escape
                "{\"t\":\"\\udc00\"}", // low surrogate alone
                "{\"t\":\"\\uDFFF\\uD800\"}", // reversed pair
                "{\"t\":[\"ok\",\"\\ud83d\"]}"
            })
    void jsonEscapesOfNulAndUnpairedSurrogatesAreRefused(String body) {
        assertThrows(StrictUtf8.Invalid.class, () -> readAll(body.getBytes(StandardCharsets.UTF_8), true));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "C0 AF", // overlong '/'
                "C1 BF",
                "E0 80 AF", // overlong 3-byte
                "F0 80 80 AF", // overlong 4-byte
                "ED A0 80", // encoded high surrogate (CESU)
                "ED BF BF", // encoded low surrogate
                "F4 90 80 80", // above U+10FFFF
                "F5 80 80 80",
                "80", // stray continuation
                "E2 82", // truncated
                "C3 28", // missing continuation
                "00" // raw NUL
            })
    void invalidUtf8AndRawNulAreRefused(String hex) {
        byte[] bytes = concat("{\"t\":\"x".getBytes(StandardCharsets.UTF_8), hex(hex), "\"}".getBytes());
        assertThrows(StrictUtf8.Invalid.class, () -> readAll(bytes, true));
        assertThrows(StrictUtf8.Invalid.class, () -> StrictUtf8.check(hex(hex), false));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"t\":\"naïve café 東京 😀 \\ud83d\\ude00 \\u00e9 \\\\u0000 \\\\ud800\"}", // escaped backslashes
                "{\"t\":\"a\\\"b\\\\\",\"u\":\"\\u0041\\uFFFD\"}",
                "[1, 2.5, true, null, \"\\uD800\\uDC00\"]",
                ""
            })
    void validTextPassesUnchanged(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(bytes, readAll(bytes, true));
    }

    @Test
    void theCheckWorksAcrossChunkBoundaries() throws IOException {
        byte[] bytes = "{\"t\":\"😀 \\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8);
        InputStream in = StrictUtf8.validating(new ByteArrayInputStream(bytes), true);
        byte[] one = new byte[1];
        int n = 0;
        while (in.read(one, 0, 1) > 0) {
            n++;
        }
        assertEquals(bytes.length, n);
        byte[] bad = "{\"t\":\"ab\\ud800\"}".getBytes(StandardCharsets.UTF_8);
        InputStream badIn = StrictUtf8.validating(new ByteArrayInputStream(bad), true);
        assertThrows(StrictUtf8.Invalid.class, () -> {
            while (badIn.read() >= 0) {}
        });
    }

    @Test
    void decodedTextWithNulOrUnpairedSurrogatesIsRefused() {
        assertThrows(StrictUtf8.Invalid.class, () -> StrictUtf8.checkText("a\u0000"));
        assertThrows(StrictUtf8.Invalid.class, () -> StrictUtf8.checkText("Ab1defgh\ud800"));
        assertThrows(StrictUtf8.Invalid.class, () -> StrictUtf8.checkText("\udc00"));
        assertDoesNotThrow(() -> StrictUtf8.checkText("Ab1defgh?😀"));
    }

    @Test
    void percentEncodedUrisAreCheckedAsBytes() {
        assertThrows(
                StrictUtf8.Invalid.class,
                () -> StrictUtf8.check(StrictInput.percentDecode("/projects?title=a%00b"), false));
        assertThrows(
                StrictUtf8.Invalid.class, () -> StrictUtf8.check(StrictInput.percentDecode("/projects/%C0%AF"), false));
        assertThrows(
                StrictUtf8.Invalid.class, () -> StrictUtf8.check(StrictInput.percentDecode("/p?q=%ED%A0%80"), false));
        assertDoesNotThrow(() -> StrictUtf8.check(StrictInput.percentDecode("/p?q=caf%C3%A9%20%F0%9F%98%80"), false));
    }

    @Test
    void duplicateKeysAreRefusedByTheSharedMapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"a\":1,\"a\":2}", Map.class));
        assertThrows(JsonProcessingException.class, () -> mapper.readTree("{\"t\":{\"title\":\"x\",\"title\":\"y\"}}"));
        assertDoesNotThrow(() -> mapper.readValue("{\"a\":1,\"b\":{\"a\":2}}", Map.class));
    }

    private static byte[] readAll(byte[] bytes, boolean json) throws IOException {
        try (InputStream in = StrictUtf8.validating(new ByteArrayInputStream(bytes), json)) {
            return in.readAllBytes();
        }
    }

    private static byte[] hex(String hex) {
        String[] parts = hex.split(" ");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
