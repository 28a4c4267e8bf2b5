package com.writerstree.identity.domain.auth;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;

/** The answers the account flows share (their messages are identity's own, the codes the platform's). */
public final class AccountErrors {

    private AccountErrors() {}

    public static ApiException emailTaken() {
        return new ApiException(
                ErrorCode.ALREADY_EXISTS, "An account with this email already exists", Map.of("field", "email"));
    }

    /**
     * 403 ACCOUNT_DELETED: the right credentials of an account in its grace period; the cancel link in the deletion
     * mail restores it until {@code details.purgeAt}.
     */
    public static ApiException accountDeleted(Instant deletedAt, Duration grace) {
        return new ApiException(
                ErrorCode.ACCOUNT_DELETED,
                "This account was deleted and will be erased for good; use the link in the deletion mail to restore it",
                Map.of("purgeAt", deletedAt.plus(grace).toString()));
    }

    /** 409 for an address whose account is in its grace period: it can be registered again after the purge. */
    public static ApiException pendingDeletion(Instant deletedAt, Duration grace) {
        return new ApiException(
                ErrorCode.ALREADY_EXISTS,
                "An account with this email was deleted and is waiting to be erased; the address can be registered"
                        + " again after the erasure, or the account restored with the link in the deletion mail",
                Map.of(
                        "field",
                        "email",
                        "reason",
                        "pendingDeletion",
                        "availableAfter",
                        deletedAt.plus(grace).toString()));
    }

    public static ApiException invalidToken() {
        return new ApiException(ErrorCode.VALIDATION_ERROR, "Invalid or expired token", Map.of("field", "token"));
    }

    /** Whether a unique constraint whose name contains {@code constraint} refused the write. */
    public static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve
                    && cve.getConstraintName() != null
                    && cve.getConstraintName().toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
