-- What an export was (style, file name and type, words, tree size) and the lookups the API and cleanup make.
ALTER TABLE export_jobs ADD COLUMN style VARCHAR(20);
ALTER TABLE export_jobs ADD COLUMN file_name VARCHAR(200);
ALTER TABLE export_jobs ADD COLUMN content_type VARCHAR(100);
ALTER TABLE export_jobs ADD COLUMN word_count INTEGER;
ALTER TABLE export_jobs ADD COLUMN width INTEGER;
ALTER TABLE export_jobs ADD COLUMN height INTEGER;

CREATE INDEX idx_export_jobs_user_created ON export_jobs (user_id, created_at DESC);
CREATE INDEX idx_export_jobs_expires_at ON export_jobs (expires_at) WHERE object_key IS NOT NULL;
CREATE INDEX idx_export_jobs_project_id ON export_jobs (project_id);
