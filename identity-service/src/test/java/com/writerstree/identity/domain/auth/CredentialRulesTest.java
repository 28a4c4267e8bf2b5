package com.writerstree.identity.domain.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialRulesTest {

    @Test
    void emailIsStoredTrimmedAndLowerCase() {
        assertEquals("jane.writer@example.com", CredentialRules.normalizeEmail("  Jane.Writer@Example.COM \t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"writer@example.com", "jane.a.writer+drafts@mail.example.co.uk", "a_b-c@x-y.io"})
    void commonAddressesAreValid(String email) {
        assertTrue(CredentialRules.isValidEmail(email));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "invalid-email",
                "@example.com",
                "writer@",
                "writer@example",
                "writer@@example.com",
                ".writer@example.com",
                "writer.@example.com",
                "wri..ter@example.com",
                "writer@-example.com",
                "writer @example.com",
                "writer@example.c"
            })
    void malformedAddressesAreInvalid(String email) {
        assertFalse(CredentialRules.isValidEmail(email));
    }

    @Test
    void overlongAddressesAreInvalid() {
        assertFalse(CredentialRules.isValidEmail("a".repeat(65) + "@example.com"));
        assertFalse(CredentialRules.isValidEmail("a@" + "b".repeat(250) + ".com"));
    }

    @Test
    void aPasswordWithEightCharactersUpperLowerAndDigitIsAcceptable() {
        assertEquals(List.of(), CredentialRules.unmetPasswordRequirements("SecurePass123!"));
        assertEquals(List.of(), CredentialRules.unmetPasswordRequirements("Abcdefg1"));
    }

    @Test
    void eachMissingRequirementIsNamed() {
        assertEquals(List.of("minLength"), CredentialRules.unmetPasswordRequirements("Abcdef1"));
        assertEquals(List.of("uppercase"), CredentialRules.unmetPasswordRequirements("abcdefg1"));
        assertEquals(List.of("lowercase"), CredentialRules.unmetPasswordRequirements("ABCDEFG1"));
        assertEquals(List.of("digit"), CredentialRules.unmetPasswordRequirements("Abcdefgh"));
        assertEquals(List.of("minLength", "uppercase", "digit"), CredentialRules.unmetPasswordRequirements("weak"));
    }

    @Test
    void lengthCountsCharactersNotBytesAndLettersMayBeNonAscii() {
        assertEquals(List.of(), CredentialRules.unmetPasswordRequirements("Ärger123"));
        assertEquals(List.of("minLength"), CredentialRules.unmetPasswordRequirements("Ärger12"));
    }

    @Test
    void aWeakPasswordIsRefusedAsWeakPasswordOnThePasswordField() {
        ApiException e = assertThrows(
                ApiException.class, () -> CredentialRules.requireAcceptable("writer@example.com", "password"));
        assertEquals(ErrorCode.WEAK_PASSWORD, e.code());
        assertEquals(400, e.status());
        assertEquals("password", e.details().get("field"));
        assertEquals(List.of("uppercase", "digit"), e.details().get("unmet"));
    }

    @Test
    void anInvalidEmailIsRefusedBeforeThePasswordIsLookedAt() {
        ApiException e = assertThrows(ApiException.class, () -> CredentialRules.requireAcceptable("nope", "weak"));
        assertEquals(ErrorCode.INVALID_EMAIL, e.code());
        assertEquals("email", e.details().get("field"));
    }

    @Test
    void passwordsBcryptWouldCutAreRefused() {
        String seventyTwoBytes = "Aa1" + "x".repeat(69);
        CredentialRules.requireAcceptablePassword("password", seventyTwoBytes);
        ApiException e = assertThrows(
                ApiException.class, () -> CredentialRules.requireAcceptablePassword("password", seventyTwoBytes + "x"));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertEquals("password", e.details().get("field"));
    }

    @Test
    void aCommonPasswordIsRefusedEvenWhenItMeetsTheCharacterRules() {
        assertEquals(List.of(), CredentialRules.unmetPasswordRequirements("Password1"));
        ApiException e = assertThrows(
                ApiException.class, () -> CredentialRules.requireAcceptablePassword("password", "Password1"));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertEquals("commonPassword", e.details().get("reason"));
        assertEquals("password", e.details().get("field"));
        assertThrows(ApiException.class, () -> CredentialRules.requireAcceptablePassword("password", "Qwerty123"));
        assertThrows(ApiException.class, () -> CredentialRules.requireAcceptablePassword("password", "ILoveYou1"));
        assertDoesNotThrow(() -> CredentialRules.requireAcceptablePassword("password", "SecurePass123!"));
        assertDoesNotThrow(() -> CredentialRules.requireAcceptablePassword("password", "Tr33-Ring-Willow"));
        assertTrue(CommonPasswords.size() > 10_000, "the shipped list is loaded");
    }
}
