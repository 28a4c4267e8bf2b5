-- content-service schema (spec §2.1: project_content, version_history, milestones) plus this service's own
-- replica of each project's owner, word goal and status, filled from project-events.

-- What content-service knows about a project: who owns it, its goal, whether it may be edited.
CREATE TABLE project_replicas (
    project_id  UUID PRIMARY KEY,
    user_id     UUID        NOT NULL,
    word_goal   INTEGER     NOT NULL,
    status      VARCHAR(50) NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_project_replicas_user_id ON project_replicas (user_id);

-- The current text of a project: one row per project, replaced on every save (history lives in
-- version_history).
CREATE TABLE project_content (
    project_id  UUID PRIMARY KEY,
    content     TEXT        NOT NULL,
    version     INTEGER     NOT NULL,
    word_count  INTEGER     NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by  UUID
);

-- Snapshots of the text (every 1000 words, on milestones, on request); the newest 10 per project are kept.
CREATE TABLE version_history (
    id              UUID PRIMARY KEY,
    project_id      UUID        NOT NULL,
    content         TEXT        NOT NULL,
    word_count      INTEGER     NOT NULL,
    version_number  INTEGER     NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    snapshot_type   VARCHAR(50) NOT NULL DEFAULT 'auto',
    metadata        JSONB       NOT NULL DEFAULT '{}'
);

CREATE INDEX idx_version_history_project_created ON version_history (project_id, created_at DESC);

-- Milestones reached, recorded once per project, type and word goal (a new goal can be reached anew).
CREATE TABLE milestones (
    id                       UUID PRIMARY KEY,
    user_id                  UUID        NOT NULL,
    project_id               UUID        NOT NULL,
    milestone_type           VARCHAR(50) NOT NULL,
    word_goal                INTEGER     NOT NULL,
    word_count_at_milestone  INTEGER     NOT NULL,
    achieved_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    celebrated               BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT uq_milestones_project_type_goal UNIQUE (project_id, milestone_type, word_goal)
);

CREATE INDEX idx_milestones_user_project ON milestones (user_id, project_id);
