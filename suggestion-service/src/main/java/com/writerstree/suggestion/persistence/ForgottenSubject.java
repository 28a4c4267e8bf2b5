package com.writerstree.suggestion.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A deleted project or purged account: nothing is learned for it again, whatever event arrives late. The row holds
 * {@link #digest} of the id, never the id itself (a purge leaves no trace of the user's id in any column; V3).
 */
@Entity
@Table(name = "forgotten_subjects")
public class ForgottenSubject {

    public static final String PROJECT = "project";
    public static final String USER = "user";

    /** The first 16 bytes of SHA-256 over the id's lower-case text, as a UUID (V3 computes the same in SQL). */
    public static UUID digest(UUID id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(id.toString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Id
    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "forgotten_at", nullable = false)
    public Instant forgottenAt;
}
