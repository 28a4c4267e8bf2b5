package com.writerstree.suggestion.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A deleted project or purged account: nothing is learned for it again, whatever event arrives late. */
@Entity
@Table(name = "forgotten_subjects")
public class ForgottenSubject {

    public static final String PROJECT = "project";
    public static final String USER = "user";

    @Id
    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "forgotten_at", nullable = false)
    public Instant forgottenAt;
}
