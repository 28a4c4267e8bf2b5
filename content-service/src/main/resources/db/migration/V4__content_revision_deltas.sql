-- Revisions as deltas with periodic keyframes (issue 12): a revision is either a KEYFRAME (content = the whole text,
-- as every row was until now) or a DELTA against the revision just before it (version - 1):
--   text(v) = text(v - 1)[0, delta_prefix) + delta_text + text(v - 1)[length - delta_suffix, length)
-- (offsets in UTF-16 code units, never inside a surrogate pair). chain_length / chain_chars: the deltas since the
-- last keyframe and the characters of their delta_text, this row included (0 for a keyframe), so a save decides
-- keyframe or delta from the previous row alone. Reading version v = the newest keyframe <= v plus the deltas after
-- it, in one query. Every existing row keeps its text and is a keyframe: nothing is rewritten.
ALTER TABLE content_revisions ALTER COLUMN content DROP NOT NULL;

ALTER TABLE content_revisions
    ADD COLUMN delta_prefix INTEGER,
    ADD COLUMN delta_suffix INTEGER,
    ADD COLUMN delta_text   TEXT,
    ADD COLUMN chain_length INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN chain_chars  INTEGER NOT NULL DEFAULT 0;

ALTER TABLE content_revisions ADD CONSTRAINT ck_content_revisions_keyframe_or_delta CHECK (
    (content IS NOT NULL AND delta_text IS NULL AND delta_prefix IS NULL AND delta_suffix IS NULL
        AND chain_length = 0 AND chain_chars = 0)
    OR (content IS NULL AND delta_text IS NOT NULL AND delta_prefix >= 0 AND delta_suffix >= 0
        AND chain_length > 0 AND chain_chars >= 0));

-- the nearest keyframe at or below a version (reading, pruning): a small index, keyframes are few
CREATE INDEX idx_content_revisions_keyframes ON content_revisions (project_id, version) WHERE content IS NOT NULL;
