CREATE FUNCTION rollback_fixture_count() RETURNS BIGINT LANGUAGE sql AS 'SELECT count(*) FROM rollback_fixture';
