package com.writerstree.platform.messaging.userdata;

import com.writerstree.platform.gdpr.UserDataExport.ExportFile;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a service holds of a user, as the shared GDPR plumbing of platform-messaging reads and deletes it. A service
 * implements it once (an {@code @ApplicationScoped} bean, usually in {@code domain/}); {@link InternalUserDataResource}
 * serves {@code GET /internal/users/{userId}/export} from every owner and {@link UserEventsConsumer} calls
 * {@link #purge} on {@code UserPurged} before it records the purge receipt. Enabled in a service by the build property
 * {@code writerstree.user-data.shared=true} (docs/CONTRACTS.md, "User data export and purge").
 */
public interface UserDataOwner {

    /**
     * This owner's parts of the user's export, by part name (JSON-serialisable values); an unknown user gets empty
     * parts, never an error. Called inside a transaction.
     */
    Map<String, Object> export(UUID userId);

    /** Documents the export ZIP holds as they are (a manuscript as Markdown); none by default. */
    default List<ExportFile> files(UUID userId) {
        return List.of();
    }

    /**
     * Deletes (or anonymises) everything of the user, in the caller's transaction: the one that also records the
     * purge receipt, so the receipt exists if and only if the deletion committed.
     */
    void purge(UUID userId);
}
