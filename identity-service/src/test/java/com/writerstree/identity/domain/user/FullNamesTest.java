package com.writerstree.identity.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FullNamesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Jane A. Writer",
                "J.R.R. Tolkien",
                "Zoë O'Connor-Brontë",
                "李 小龍",
                "Nguyễn Thị Minh Khai",
                "Mary-Kate (Kit) Smith Jr."
            })
    void realNamesAreAccepted(String name) {
        assertEquals(name, FullNames.normalize("fullName", "  " + name + " "));
        assertEquals(name, FullNames.forMail(name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "URGENT: log in at http://evil.example/login",
                "visit www.evil",
                "Jane evil.com",
                "Jane EVIL.COM",
                "support@evil.example",
                "Jane <a href=x>",
                "Jane\nURGENT",
                "Jane\r\nBcc: x",
                "Jane\u0000",
                "Jane\u202Eevil",
                "Jane\u200B",
                "Jane\uD800",
            })
    void phishingLinesAndInvisibleCharactersAreRefused(String name) {
        assertNotNull(FullNames.problem(name), name);
        assertNull(FullNames.forMail(name), "never greeted with in a mail: " + name);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101})
    void namesAreBounded(int length) {
        String name = "a".repeat(length);
        assertEquals(length <= FullNames.MAX_LENGTH, FullNames.problem(name) == null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankClearsTheName(String blank) {
        assertNull(FullNames.normalize("fullName", blank));
        assertNull(FullNames.normalize("fullName", null));
    }
}
