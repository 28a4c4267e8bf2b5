-- The first schema's per-user n-gram rows are replaced by one compact model per project (see README: a row per
-- n-gram would be ~300k rows for one novel). Nothing was ever written to user_ngrams.
DROP TABLE user_ngrams;

-- What the service learned from a writer's project: the 4-gram counts of its text (ModelCodec, gzipped),
-- rebuilt from the full text at most once per debounce interval.
CREATE TABLE writer_models (
    project_id      UUID        PRIMARY KEY,
    user_id         UUID        NOT NULL,
    content_version INTEGER     NOT NULL,
    words           INTEGER     NOT NULL,
    model           BYTEA       NOT NULL,
    learned_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX writer_models_by_user ON writer_models (user_id, learned_at DESC);

-- Projects whose text changed and should be (re)learned once due_at has passed (debounce, retries).
CREATE TABLE adaptation_requests (
    project_id      UUID        PRIMARY KEY,
    user_id         UUID        NOT NULL,
    content_version INTEGER     NOT NULL,
    due_at          TIMESTAMPTZ NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX adaptation_requests_by_due ON adaptation_requests (due_at);
CREATE INDEX adaptation_requests_by_user ON adaptation_requests (user_id);

-- The writer's wordSuggestions preference (from user-events UserPreferencesChanged); no row = on (the default).
CREATE TABLE writer_preferences (
    user_id          UUID        PRIMARY KEY,
    word_suggestions BOOLEAN     NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- Deleted projects and purged accounts: a late or reordered ContentSaved must not bring their text back.
CREATE TABLE forgotten_subjects (
    subject_id   UUID        PRIMARY KEY,
    kind         VARCHAR(16) NOT NULL,
    forgotten_at TIMESTAMPTZ NOT NULL
);
