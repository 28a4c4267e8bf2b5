-- The writer's clock: time zone and daily word target, as a history. A change applies from the start of the
-- quarter hour it was made in, so history is never rewritten. Filled from user-events; of two changes in one
-- quarter hour the later (changed_at) wins.
CREATE TABLE user_settings (
    user_id          UUID        NOT NULL,
    effective_from   TIMESTAMPTZ NOT NULL,
    changed_at       TIMESTAMPTZ NOT NULL,
    timezone         VARCHAR(64) NOT NULL,
    daily_word_goal  INTEGER     NOT NULL DEFAULT 0 CHECK (daily_word_goal >= 0),
    PRIMARY KEY (user_id, effective_from)
);

-- Words per user, project and UTC quarter hour: the compact source the local-day rows are built from. Every
-- IANA offset in use is a multiple of 15 minutes, so a quarter hour never straddles a local midnight; when a
-- time zone change arrives after saves it precedes, the user's local-day rows are rebuilt from here.
CREATE TABLE writing_slots (
    user_id        UUID        NOT NULL,
    slot_start     TIMESTAMPTZ NOT NULL,
    project_id     UUID        NOT NULL,
    words_added    INTEGER     NOT NULL DEFAULT 0,
    words_deleted  INTEGER     NOT NULL DEFAULT 0,
    saves          INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, slot_start, project_id)
);

-- Words per project and local day (the project's daily series, pace and quota).
CREATE TABLE project_days (
    project_id     UUID    NOT NULL,
    date           DATE    NOT NULL,
    user_id        UUID    NOT NULL,
    words_added    INTEGER NOT NULL DEFAULT 0,
    words_deleted  INTEGER NOT NULL DEFAULT 0,
    saves          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, date)
);
CREATE INDEX idx_project_days_user_date ON project_days (user_id, date);

-- writing_streaks (spec §2.1) is the per-user local-day aggregate: word_count = words added that day.
ALTER TABLE writing_streaks ADD COLUMN words_deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE writing_streaks ADD COLUMN saves INTEGER NOT NULL DEFAULT 0;
ALTER TABLE writing_streaks ALTER COLUMN projects_worked_on SET DEFAULT 0;

-- What stats-service knows of each project, from project-events (owner, goal, deadline, status) and
-- content-events (word count, with the content version as high-water mark so reordering is harmless).
CREATE TABLE projects (
    project_id       UUID         PRIMARY KEY,
    user_id          UUID         NOT NULL,
    title            VARCHAR(500),
    word_goal        INTEGER      NOT NULL DEFAULT 0,
    status           VARCHAR(20)  NOT NULL DEFAULT 'active',
    deadline         DATE,
    word_count       INTEGER      NOT NULL DEFAULT 0,
    content_version  INTEGER      NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ,
    completed_at     TIMESTAMPTZ,
    deleted          BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX idx_projects_user ON projects (user_id);

-- Milestones (spec §2.1) with `celebrated`: when a device showed the bloom, so the others do not.
CREATE TABLE milestones (
    project_id     UUID        NOT NULL,
    milestone      VARCHAR(20) NOT NULL,
    user_id        UUID        NOT NULL,
    word_goal      INTEGER     NOT NULL,
    word_count     INTEGER     NOT NULL,
    achieved_at    TIMESTAMPTZ NOT NULL,
    celebrated_at  TIMESTAMPTZ,
    PRIMARY KEY (project_id, milestone)
);
CREATE INDEX idx_milestones_user_achieved ON milestones (user_id, achieved_at);

-- Analytics (spec §2.1): the client's request context, anonymised, and where the row came from.
ALTER TABLE analytics_events ADD COLUMN ip_address INET;
ALTER TABLE analytics_events ADD COLUMN user_agent TEXT;
ALTER TABLE analytics_events ADD COLUMN source VARCHAR(10) NOT NULL DEFAULT 'client';
ALTER TABLE analytics_events ADD COLUMN source_event_id UUID UNIQUE;
DROP INDEX idx_analytics_events_user_id;
CREATE INDEX idx_analytics_events_user_created ON analytics_events (user_id, created_at);
CREATE INDEX idx_analytics_events_created ON analytics_events (created_at);
