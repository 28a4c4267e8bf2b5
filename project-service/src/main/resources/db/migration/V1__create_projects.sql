-- Projects (spec §2.1). user_id carries no foreign key: users live in identity-service's schema, and
-- project-service learns about them only through tokens and user-events.
-- current_word_count, last_edited_at and content_version are a projection of content-service's events;
-- content_version is its high-water mark (an event older than it is ignored, so reordering is harmless).
CREATE TABLE projects (
    id                  UUID         PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             UUID         NOT NULL,
    title               VARCHAR(500) NOT NULL DEFAULT 'Untitled Project',
    word_goal           INTEGER      NOT NULL DEFAULT 50000 CHECK (word_goal >= 1000),
    current_word_count  INTEGER      NOT NULL DEFAULT 0 CHECK (current_word_count >= 0),
    content_version     INTEGER      NOT NULL DEFAULT 0,
    tree_seed           VARCHAR(255) NOT NULL,
    tree_species        VARCHAR(50)  NOT NULL DEFAULT 'oak'
                        CHECK (tree_species IN ('oak', 'willow', 'pine', 'maple', 'cherry')),
    tree_season         VARCHAR(50)  NOT NULL DEFAULT 'spring'
                        CHECK (tree_season IN ('spring', 'summer', 'autumn', 'winter')),
    status              VARCHAR(50)  NOT NULL DEFAULT 'active'
                        CHECK (status IN ('active', 'completed', 'archived')),
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    completed_at        TIMESTAMPTZ,
    last_edited_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The dashboard list (spec §8.1): a user's projects, optionally by status, most recently edited first.
CREATE INDEX idx_projects_user_status_edited ON projects (user_id, status, last_edited_at DESC);
-- Counting a user's projects (free-tier limit) and ordering by creation.
CREATE INDEX idx_projects_user_created ON projects (user_id, created_at);
