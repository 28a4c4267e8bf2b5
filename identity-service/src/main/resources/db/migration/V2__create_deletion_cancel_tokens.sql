-- DELETE /users/me soft-deletes the account (users.deleted_at) and mails a cancel link: its token (only the
-- SHA-256 hex is stored, single use) lives as long as the grace period. The purge deletes the user row and, by the
-- cascade, these tokens; what is kept of a purge is only its UserPurged event id (platform purge_receipts).
CREATE TABLE deletion_cancel_tokens (
    id          UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  VARCHAR(64) NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT uq_deletion_cancel_tokens_hash UNIQUE (token_hash)
);

CREATE INDEX idx_deletion_cancel_tokens_user_id ON deletion_cancel_tokens (user_id);
CREATE INDEX idx_users_deleted_at ON users (deleted_at) WHERE deleted_at IS NOT NULL;
