-- forgotten_subjects keeps no raw id (issue 15: after a purge no column may hold the user's id): subject_id is a
-- digest of the id, the first 16 bytes of SHA-256 over its lower-case text, as ForgottenSubject.digest computes it.
-- A late event is still recognised (its id hashes to the same value); the id cannot be read back.
UPDATE forgotten_subjects
SET subject_id = encode(substring(sha256(convert_to(subject_id::text, 'UTF8')) FROM 1 FOR 16), 'hex')::uuid;
COMMENT ON COLUMN forgotten_subjects.subject_id IS 'first 16 bytes of sha256(lower-case id text), never the raw id';
