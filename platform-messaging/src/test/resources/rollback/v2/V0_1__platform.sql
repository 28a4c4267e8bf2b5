CREATE TABLE rollback_platform_fixture (id INTEGER PRIMARY KEY);
