-- What a save needs to know about a project's revision window and snapshots, kept on its project_content row (which
-- every save updates anyway), so that a one-word save neither reads the previous revision's chain counters, nor runs
-- the pruning DELETE, nor asks for the newest snapshot's word count (issue 12). The facts hold for the version named
-- in facts_version only: NULL or another version (a row written before V6, or by a build that does not keep them)
-- means "not known", and the next save reads and prunes as before and records them afresh.
--   revision_chain_length / revision_chain_chars: the chain counters of the current version's revision row
--   revisions_pivot: the oldest keyframe above the oldest kept revision (0: none), the keyframe pruning would cut back
--     to next; nothing can be pruned before the revision just below it falls out of the window
--   revisions_pivot_since: no kept revision from revisions_pivot - 1 on is older than this
--   snapshot_word_count: the newest snapshot's word count (0: no snapshot); NULL: not known (a manual snapshot)
ALTER TABLE project_content
    ADD COLUMN facts_version          INTEGER,
    ADD COLUMN revision_chain_length  INTEGER,
    ADD COLUMN revision_chain_chars   INTEGER,
    ADD COLUMN revisions_pivot        INTEGER,
    ADD COLUMN revisions_pivot_since  TIMESTAMPTZ,
    ADD COLUMN snapshot_word_count    INTEGER;
