package com.writerstree.identity.domain.deletion;

import com.writerstree.contracts.user.v1.UserEvents.UserPurged;
import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.identity.domain.auth.LoginLockout;
import com.writerstree.identity.events.IdentityEventPublisher;
import com.writerstree.identity.persistence.User;
import com.writerstree.identity.persistence.UserRepository;
import com.writerstree.platform.messaging.Outbox;
import com.writerstree.platform.messaging.PurgeReceipts;
import com.writerstree.platform.security.RevocationKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The purge after the grace period (scheduled, {@code identity.deletion.purge-every}; time from the injectable
 * {@link Clock}). Per account, one transaction deletes the user row (its one-time tokens go with it by the foreign
 * keys' cascade), appends UserPurged and completes identity's purge receipt (the event id only; the user's published
 * events leave the outbox). Then the user's Redis keys go (revocation marker, login lockout counters). Idempotent: an
 * account is purged once (the row is gone afterwards); a cancellation between the scan and the purge wins (the row
 * is re-read under a lock). Published UserPurged events leave the outbox at the next run, so no row of identity keeps
 * the id or the address.
 */
@ApplicationScoped
public class AccountPurge {

    private static final Logger LOG = Logger.getLogger(AccountPurge.class);

    private final UserRepository users;
    private final IdentityEventPublisher events;
    private final Outbox outbox;
    private final PurgeReceipts receipts;
    private final LoginLockout lockout;
    private final RedisDataSource redis;
    private final IdentityConfig config;
    private final Clock clock;

    public AccountPurge(
            UserRepository users,
            IdentityEventPublisher events,
            Outbox outbox,
            PurgeReceipts receipts,
            LoginLockout lockout,
            RedisDataSource redis,
            IdentityConfig config,
            Clock clock) {
        this.users = users;
        this.events = events;
        this.outbox = outbox;
        this.receipts = receipts;
        this.lockout = lockout;
        this.redis = redis;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            identity = "identity-account-purge",
            every = "${identity.deletion.purge-every}",
            delayed = "${identity.deletion.purge-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purgeDue();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Account purge run failed (%s); the next run retries",
                    e.getClass().getSimpleName());
        }
    }

    /** Purges every account whose grace period ended; returns how many were purged in this run. */
    public int purgeDue() {
        int purged = 0;
        Instant cutoff = clock.instant().minus(config.deletion().grace());
        List<UUID> due;
        do {
            due = QuarkusTransaction.requiringNew()
                    .call(() -> users.purgeDue(cutoff, config.deletion().purgeBatch()).stream()
                            .map(user -> user.id)
                            .toList());
            for (UUID userId : due) {
                if (purge(userId, cutoff)) {
                    purged++;
                }
            }
        } while (due.size() == config.deletion().purgeBatch());
        int forgotten = QuarkusTransaction.requiringNew().call(() -> outbox.erasePublished(UserPurged.class));
        if (forgotten > 0) {
            LOG.infof("Forgot %d published UserPurged events", forgotten);
        }
        return purged;
    }

    private boolean purge(UUID userId, Instant cutoff) {
        Optional<String> email = QuarkusTransaction.requiringNew().call(() -> {
            User user = users.findById(userId, LockModeType.PESSIMISTIC_WRITE);
            if (user == null || user.deletedAt == null || user.deletedAt.isAfter(cutoff)) {
                return Optional.<String>empty(); // purged already, or cancelled meanwhile
            }
            String address = user.email;
            users.delete(user);
            users.flush();
            UserPurged event = events.userPurged(userId);
            receipts.complete(event.eventId(), userId);
            LOG.infof("User %s purged (UserPurged %s)", userId, event.eventId());
            return Optional.of(address);
        });
        if (email.isEmpty()) {
            return false;
        }
        forgetRedisKeys(userId, email.get());
        return true;
    }

    /**
     * The revocation marker (at most 8 days old: with the 30-day grace it expired long ago; a short grace in a test
     * stack leaves it) and the login lockout counters (hashed address). If Redis is down they stay until their TTL.
     */
    private void forgetRedisKeys(UUID userId, String email) {
        try {
            redis.key().del(RevocationKeys.revokedBeforeKey(userId.toString()));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Revocation marker of a purged user not deleted (%s); it expires",
                    e.getClass().getSimpleName());
        }
        lockout.forget(email);
    }
}
