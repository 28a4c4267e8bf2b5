-- Export jobs: one row per requested export; the file itself lives in S3.
CREATE TABLE export_jobs (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      UUID         NOT NULL,
    project_id   UUID,
    kind         VARCHAR(20)  NOT NULL,
    format       VARCHAR(10)  NOT NULL,
    status       VARCHAR(20)  NOT NULL DEFAULT 'pending',
    object_key   VARCHAR(500),
    file_size    BIGINT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ
);

CREATE INDEX idx_export_jobs_user_id ON export_jobs (user_id);
