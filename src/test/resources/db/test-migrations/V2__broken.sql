-- A migration that fails halfway: the first statement must be rolled back with it.
CREATE TABLE half_done (id TEXT NOT NULL PRIMARY KEY);
INSERT INTO no_such_table (id) VALUES ('x');
