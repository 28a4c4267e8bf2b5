-- Accounts and their one-time tokens (spec §2.1, adapted):
--  * email is stored trimmed and lower-cased, so the plain unique constraint is case-insensitive in effect;
--  * password_hash is NULL for accounts that only ever signed in with Google (password login then fails);
--  * deleted_at marks a soft-deleted account (purged later, see DELETE /users/me);
--  * tokens are never stored: only the SHA-256 hex digest of the value that was mailed out (token_hash),
--    and used_at makes each one single-use;
--  * timestamps are TIMESTAMPTZ (instants), not the spec's zone-less TIMESTAMP.
CREATE TABLE users (
    id                       UUID         PRIMARY KEY DEFAULT gen_random_uuid(),
    email                    VARCHAR(255) NOT NULL,
    password_hash            VARCHAR(255),
    full_name                VARCHAR(255),
    google_id                VARCHAR(255),
    email_verified           BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at               TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_login               TIMESTAMPTZ,
    preferences              JSONB        NOT NULL DEFAULT '{}',
    subscription_tier        VARCHAR(50)  NOT NULL DEFAULT 'free',
    subscription_expires_at  TIMESTAMPTZ,
    deleted_at               TIMESTAMPTZ,
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT uq_users_google_id UNIQUE (google_id),
    CONSTRAINT ck_users_email_normalized CHECK (email = lower(btrim(email))),
    CONSTRAINT ck_users_subscription_tier CHECK (subscription_tier IN ('free', 'premium'))
);

CREATE TABLE email_verification_tokens (
    id          UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  VARCHAR(64) NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT uq_email_verification_tokens_hash UNIQUE (token_hash)
);

CREATE INDEX idx_email_verification_tokens_user_id ON email_verification_tokens (user_id);

CREATE TABLE password_reset_tokens (
    id          UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  VARCHAR(64) NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT uq_password_reset_tokens_hash UNIQUE (token_hash)
);

CREATE INDEX idx_password_reset_tokens_user_id ON password_reset_tokens (user_id);
