package com.writerstree.export.domain;

import com.writerstree.export.domain.archive.UserArchives;
import com.writerstree.platform.messaging.userdata.UserDataOwner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/**
 * What export-service holds of a user, for the shared user-data plumbing (platform-messaging {@link UserDataOwner}):
 * its part of the data export (the export records and the earlier data exports, {@link UserArchives#ownPart}) and the
 * purge on UserPurged (every export and data export of the user, files and records, {@link ExportRemoval#userPurged}),
 * in the transaction that records the purge receipt. UserDeletionRequested changes nothing here: the data stays until
 * the purge, so that a cancellation restores everything.
 */
@ApplicationScoped
public class ExportUserData implements UserDataOwner {

    private final UserArchives archives;
    private final ExportRemoval removal;

    public ExportUserData(UserArchives archives, ExportRemoval removal) {
        this.archives = archives;
        this.removal = removal;
    }

    @Override
    public Map<String, Object> export(UUID userId) {
        return archives.ownPart(userId, null).parts();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void purge(UUID userId) {
        removal.userPurged(userId);
    }
}
