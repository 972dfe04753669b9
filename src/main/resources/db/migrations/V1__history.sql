-- Evalbench run history, schema 1.
-- Portable SQL on purpose (a shared PostgreSQL history will reuse it): plain CREATE TABLE and CREATE INDEX,
-- no SQLite-only syntax. Statements end with a semicolon; no string literal may contain one.
-- Instants are TEXT, UTC ISO-8601 with exactly nine fractional digits, so text order is time order.
-- Booleans are INTEGER 0 or 1. JSON columns hold Json.MAPPER output (snake_case keys).

CREATE TABLE runs (
    id             TEXT    NOT NULL PRIMARY KEY,
    workspace      TEXT    NOT NULL,
    workspace_path TEXT    NOT NULL,
    config_json    TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    started_at     TEXT    NOT NULL,
    finished_at    TEXT,
    app_version    TEXT,
    git_commit     TEXT,
    planned_cases  INTEGER NOT NULL,
    pid            INTEGER NOT NULL,
    -- when the writing process started, so a reused pid is not mistaken for the writer
    pid_started_at TEXT
);

CREATE INDEX runs_by_start ON runs (started_at, id);

CREATE TABLE run_inputs (
    run_id TEXT NOT NULL REFERENCES runs (id),
    path   TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (run_id, path)
);

CREATE TABLE snapshots (
    sha256  TEXT    NOT NULL PRIMARY KEY,
    content BLOB    NOT NULL,
    size    INTEGER NOT NULL
);

CREATE TABLE cases (
    run_id       TEXT    NOT NULL REFERENCES runs (id),
    seq          INTEGER NOT NULL,
    suite        TEXT    NOT NULL,
    case_id      TEXT    NOT NULL,
    prompt_id    TEXT    NOT NULL,
    route        TEXT    NOT NULL,
    sample       INTEGER NOT NULL,
    passed       INTEGER NOT NULL,
    schema_valid INTEGER NOT NULL,
    failure_kind TEXT,
    route_used   TEXT,
    model_used   TEXT,
    latency_ms   INTEGER NOT NULL,
    tokens_in    INTEGER NOT NULL,
    tokens_out   INTEGER NOT NULL,
    cost_usd     REAL    NOT NULL,
    record_json  TEXT    NOT NULL,
    PRIMARY KEY (run_id, seq),
    UNIQUE (run_id, suite, case_id, prompt_id, route, sample)
);

CREATE TABLE run_events (
    run_id      TEXT    NOT NULL REFERENCES runs (id),
    seq         INTEGER NOT NULL,
    occurred_at TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    route       TEXT,
    detail      TEXT,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE tags (
    tag    TEXT NOT NULL PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs (id)
);

CREATE INDEX tags_by_run ON tags (run_id);
