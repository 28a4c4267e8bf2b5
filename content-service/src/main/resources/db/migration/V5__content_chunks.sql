-- The current text in pieces (issue 12): a one-word save to a 150,000-word manuscript used to rewrite the whole
-- ~800 kB project_content.content (read, compressed and TOASTed again, all of it in the WAL). Now the text lives in
-- content_chunks, consecutive pieces of a few thousand UTF-16 code units ordered by seq (with gaps, so a split adds
-- pieces between two others without renumbering); a save rewrites the piece(s) its edit touches. units = the piece's
-- length in UTF-16 code units (what the service's offsets count: code points, plus one more for each beyond the BMP);
-- the primary key carries it, so the directory of a text is read from the index alone.
CREATE TABLE content_chunks (
    project_id  UUID    NOT NULL,
    seq         BIGINT  NOT NULL,
    units       INTEGER NOT NULL CHECK (units > 0),
    text        TEXT    NOT NULL,
    CONSTRAINT pk_content_chunks PRIMARY KEY (project_id, seq) INCLUDE (units)
);

-- each existing text becomes one piece (split by the service the first time it is edited)
INSERT INTO content_chunks (project_id, seq, units, text)
SELECT project_id,
       1048576,
       length(content) + length(regexp_replace(content, '[^\U00010000-\U0010FFFF]', '', 'g')),
       content
FROM project_content
WHERE content <> '';

-- the text's size in UTF-8 bytes (the save limit), kept up to date by each save without reading the text
ALTER TABLE project_content ADD COLUMN content_bytes BIGINT NOT NULL DEFAULT 0;
UPDATE project_content SET content_bytes = octet_length(content);
ALTER TABLE project_content DROP COLUMN content;
