-- The user's data export (GDPR, GET /users/me/export and the deletion flow): one ZIP assembled from every service's
-- /internal/users/{userId}/export part, stored in S3 below users/<userId>/archives/ for 7 days. failure names the
-- service whose part could not be fetched (the job then has no file: never a ZIP silently missing a service).
CREATE TABLE user_archives (
    id            UUID         PRIMARY KEY,
    user_id       UUID         NOT NULL,
    reason        VARCHAR(20)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    object_key    VARCHAR(500),
    file_size     BIGINT,
    failure       VARCHAR(500),
    created_at    TIMESTAMPTZ  NOT NULL,
    completed_at  TIMESTAMPTZ,
    expires_at    TIMESTAMPTZ  NOT NULL
);

CREATE INDEX idx_user_archives_user_created ON user_archives (user_id, created_at DESC);
CREATE INDEX idx_user_archives_expires_at ON user_archives (expires_at) WHERE object_key IS NOT NULL;
