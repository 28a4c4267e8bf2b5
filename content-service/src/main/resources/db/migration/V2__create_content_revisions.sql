-- The text of every stored version for a bounded window (content.revisions.*: the newest 50, plus those of the
-- last 24 h up to 500), so a stale save can be three-way merged against the text it was based on and a delta
-- save (patch) can be applied to its base. Pruned in the save transaction.
CREATE TABLE content_revisions (
    project_id  UUID        NOT NULL,
    version     INTEGER     NOT NULL,
    content     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, version)
);

-- the current text of existing projects is a revision too
INSERT INTO content_revisions (project_id, version, content, created_at)
SELECT project_id, version, content, updated_at FROM project_content;

-- listing and trimming snapshots per project
CREATE INDEX idx_version_history_project_type ON version_history (project_id, snapshot_type);
