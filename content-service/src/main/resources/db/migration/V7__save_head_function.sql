-- The start of every save (and restore) in one round trip instead of two (issue 12): lock the project's replica row,
-- as SELECT ... FOR NO KEY UPDATE did, then read the content row and the places and lengths of the text's pieces.
-- The read is a statement of its own inside this VOLATILE function, so in READ COMMITTED it takes a new snapshot
-- after the lock is held: a save that held the lock while this one waited is seen committed, exactly as when the
-- service sent the two statements one after the other (a single SELECT would read with the snapshot taken before
-- the wait). No row: the project is not replicated here (yet). Columns of the content row are NULL before the
-- first save. Tables are named unqualified: the service's search_path (currentSchema) is its own schema.
CREATE FUNCTION lock_save_head(p_project UUID)
    RETURNS TABLE (
        owner_id              UUID,
        project_title         TEXT,
        project_word_goal     INTEGER,
        project_status        TEXT,
        project_updated_at    TIMESTAMPTZ,
        content_version       INTEGER,
        content_word_count    INTEGER,
        content_bytes_total   BIGINT,
        content_updated_at    TIMESTAMPTZ,
        content_facts_version INTEGER,
        chain_length          INTEGER,
        chain_chars           INTEGER,
        pivot                 INTEGER,
        pivot_since           TIMESTAMPTZ,
        snapshot_words        INTEGER,
        pieces                TEXT)
    LANGUAGE plpgsql VOLATILE AS
$$
DECLARE
    r project_replicas%ROWTYPE;
BEGIN
    SELECT * INTO r FROM project_replicas pr WHERE pr.project_id = p_project FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT r.user_id, r.title::TEXT, r.word_goal, r.status::TEXT, r.updated_at,
               c.version, c.word_count, c.content_bytes, c.updated_at, c.facts_version,
               c.revision_chain_length, c.revision_chain_chars, c.revisions_pivot,
               c.revisions_pivot_since, c.snapshot_word_count, d.pieces
        FROM (SELECT string_agg(k.seq || ':' || k.units, ',' ORDER BY k.seq) AS pieces FROM content_chunks k
              WHERE k.project_id = p_project) d
        LEFT JOIN project_content c ON c.project_id = p_project;
END
$$;
