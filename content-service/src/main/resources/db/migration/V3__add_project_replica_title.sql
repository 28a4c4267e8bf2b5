-- The project's title, from project-events (ProjectCreated/ProjectUpdated) or project-service: the user data export
-- names each manuscript file after it (manuscripts/<safe-title>-<id>.md). Null until the next event for projects
-- replicated before this column existed ("untitled" in the file name).
ALTER TABLE project_replicas ADD COLUMN title VARCHAR(500);
