package com.writerstree.identity.domain.auth;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a valid email and an acceptable password are (spec §4.1): email in a common address format; password
 * at least 8 characters with an upper-case letter, a lower-case letter and a digit, and not one of the most
 * common passwords ({@link CommonPasswords}). Pure functions, tested without Quarkus.
 */
public final class CredentialRules {

    public static final int PASSWORD_MIN_LENGTH = 8;
    /** bcrypt reads only the first 72 bytes: a longer password would silently be cut, so it is refused. */
    public static final int PASSWORD_MAX_BYTES = 72;

    public static final int EMAIL_MAX_LENGTH = 254;

    // ASCII addresses: dot-atom local part, host names with at least one dot (a TLD)
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private CredentialRules() {}

    /** The stored form of an email: trimmed, lower-case. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isValidEmail(String normalizedEmail) {
        if (normalizedEmail == null || normalizedEmail.length() > EMAIL_MAX_LENGTH) {
            return false;
        }
        int at = normalizedEmail.indexOf('@');
        return at > 0 && at <= 64 && EMAIL.matcher(normalizedEmail).matches();
    }

    /** The password requirements not met, in a stable order; empty when the password is acceptable. */
    public static List<String> unmetPasswordRequirements(String password) {
        List<String> unmet = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < PASSWORD_MIN_LENGTH) {
            unmet.add("minLength");
        }
        if (password.codePoints().noneMatch(Character::isUpperCase)) {
            unmet.add("uppercase");
        }
        if (password.codePoints().noneMatch(Character::isLowerCase)) {
            unmet.add("lowercase");
        }
        if (password.codePoints().noneMatch(Character::isDigit)) {
            unmet.add("digit");
        }
        return unmet;
    }

    /** Throws the §7.2 error a client is told when registering with this email and password. */
    public static void requireAcceptable(String normalizedEmail, String password) {
        if (!isValidEmail(normalizedEmail)) {
            throw new ApiException(
                    ErrorCode.INVALID_EMAIL, ErrorCode.INVALID_EMAIL.defaultMessage(), Map.of("field", "email"));
        }
        requireAcceptablePassword("password", password);
    }

    public static void requireAcceptablePassword(String field, String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            throw new ApiException(
                    ErrorCode.VALIDATION_ERROR,
                    "Password must be at most " + PASSWORD_MAX_BYTES + " bytes long",
                    Map.of("field", field));
        }
        List<String> unmet = unmetPasswordRequirements(password);
        if (!unmet.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("field", field);
            details.put("unmet", unmet);
            throw new ApiException(
                    ErrorCode.WEAK_PASSWORD,
                    "Password must be at least " + PASSWORD_MIN_LENGTH
                            + " characters and contain an uppercase letter, a lowercase letter and a number",
                    details);
        }
        if (CommonPasswords.contains(password)) {
            throw new ApiException(
                    ErrorCode.VALIDATION_ERROR,
                    "This password is one of the most common passwords and easy to guess; please choose another",
                    Map.of("field", field, "reason", "commonPassword"));
        }
    }
}
