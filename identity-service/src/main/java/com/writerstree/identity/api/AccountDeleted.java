package com.writerstree.identity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer of DELETE /users/me: the spec's {@code success, message, dataExportUrl} plus {@code data} with the
 * export job and the moment of the purge.
 */
public record AccountDeleted(boolean success, String message, String dataExportUrl, Data data) {

    public record Data(UUID exportJobId, Instant exportExpiresAt, Instant purgeAt) {}

    public static AccountDeleted of(String dataExportUrl, UUID exportJobId, Instant exportExpiresAt, Instant purgeAt) {
        return new AccountDeleted(
                true, "Account deleted successfully.", dataExportUrl, new Data(exportJobId, exportExpiresAt, purgeAt));
    }
}
