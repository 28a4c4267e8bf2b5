-- Writing streaks: words written per user per local day (spec §2.1), filled from content events.
CREATE TABLE writing_streaks (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             UUID        NOT NULL,
    date                DATE        NOT NULL,
    word_count          INTEGER     NOT NULL DEFAULT 0,
    projects_worked_on  INTEGER     NOT NULL DEFAULT 1,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (user_id, date)
);

CREATE TABLE analytics_events (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     UUID,
    event_type  VARCHAR(100) NOT NULL,
    event_data  JSONB        NOT NULL DEFAULT '{}',
    session_id  VARCHAR(255),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX idx_analytics_events_user_id ON analytics_events (user_id);
CREATE INDEX idx_analytics_events_type ON analytics_events (event_type);
