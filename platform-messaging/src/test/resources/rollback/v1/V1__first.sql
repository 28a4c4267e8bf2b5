CREATE TABLE rollback_fixture (id INTEGER PRIMARY KEY);
