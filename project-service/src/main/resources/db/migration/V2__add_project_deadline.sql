-- Optional finish date for a project (stats-service shows the daily quota needed to meet it).
ALTER TABLE projects ADD COLUMN deadline DATE;
