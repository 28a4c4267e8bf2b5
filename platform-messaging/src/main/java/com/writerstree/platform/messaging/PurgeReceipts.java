package com.writerstree.platform.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The record that this service finished purging a user ({@code UserPurged}): the event id and when, never the user
 * id, in the service's own {@code purge_receipts} table (platform migration V0_4). A consumer calls
 * {@link #record} inside the transaction that deletes the user's data, so the receipt exists if and only if the
 * deletion committed; a replayed event keeps the first receipt. {@link InternalPurgeResource} serves it.
 */
@ApplicationScoped
public class PurgeReceipts {

    @Inject
    AgroalDataSource dataSource;

    /**
     * Ends a purge in the caller's transaction, after the service deleted its own rows of the user: removes the
     * published outbox events whose payload names the user (they would otherwise keep the id for their retention
     * day; unpublished ones stay, so no event is lost) and records the receipt.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(UUID eventId, UUID userId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM outbox_events WHERE published_at IS NOT NULL AND strpos(payload, ?) > 0")) {
            ps.setString(1, userId.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Scrubbing the outbox failed", e);
        }
        record(eventId);
    }

    /** Records that the purge of {@code eventId} completed, in the caller's transaction; a second call keeps the first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO purge_receipts (event_id) VALUES (?) ON CONFLICT (event_id) DO NOTHING")) {
            ps.setObject(1, eventId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Recording the purge receipt failed", e);
        }
    }

    /** When the purge of {@code eventId} completed here, if it did. */
    public Optional<OffsetDateTime> completedAt(UUID eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT completed_at FROM purge_receipts WHERE event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the purge receipt failed", e);
        }
    }
}
