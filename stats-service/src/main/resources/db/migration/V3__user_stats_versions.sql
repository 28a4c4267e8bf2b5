-- A version per writer, moved by every change of what GET /users/me/stats reads (local days, settings, projects,
-- milestones), so a read can tell with one indexed lookup whether a response computed before is still right.
-- Versions come from one sequence, so they never repeat (not even after a purge and a new account's rows).
CREATE SEQUENCE user_stats_version_seq;

CREATE TABLE user_stats_versions (
    user_id  UUID   PRIMARY KEY,
    version  BIGINT NOT NULL
);

CREATE FUNCTION bump_user_stats_version() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
AS $$
BEGIN
    INSERT INTO user_stats_versions (user_id, version)
    VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END, nextval('user_stats_version_seq'))
    ON CONFLICT (user_id) DO UPDATE SET version = EXCLUDED.version;
    IF TG_OP = 'UPDATE' AND OLD.user_id IS DISTINCT FROM NEW.user_id THEN
        INSERT INTO user_stats_versions (user_id, version) VALUES (OLD.user_id, nextval('user_stats_version_seq'))
        ON CONFLICT (user_id) DO UPDATE SET version = EXCLUDED.version;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER writing_streaks_version AFTER INSERT OR UPDATE OR DELETE ON writing_streaks
    FOR EACH ROW EXECUTE FUNCTION bump_user_stats_version();
CREATE TRIGGER user_settings_version AFTER INSERT OR UPDATE OR DELETE ON user_settings
    FOR EACH ROW EXECUTE FUNCTION bump_user_stats_version();
CREATE TRIGGER projects_version AFTER INSERT OR UPDATE OR DELETE ON projects
    FOR EACH ROW EXECUTE FUNCTION bump_user_stats_version();
CREATE TRIGGER milestones_version AFTER INSERT OR UPDATE OR DELETE ON milestones
    FOR EACH ROW EXECUTE FUNCTION bump_user_stats_version();
