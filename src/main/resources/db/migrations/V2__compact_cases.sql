-- Evalbench run history, schema 2: a compact row per case, big texts apart.
-- A case row holds what tables, filters, gates and counts read (key, verdicts, usage, tags, and the metric
-- inputs: expected values and the valid output's scored fields); the rest of the record (messages, raw and
-- parsed output, attempts, decision, evaluation) is one deflate-compressed JSON document in `detail`, read
-- only when a reader opens that case. Texts many cases share (system messages, version tuples) are stored
-- once in case_texts by the SHA-256 of their UTF-8 bytes, also deflate-compressed.
-- JSON text columns (tags, failures, expected, scored_output) stay readable with sqlite3 and json_extract.
-- Rows of schema 1 are converted by a step in Java (Migrations) after these statements.

ALTER TABLE cases RENAME TO cases_v1;

CREATE TABLE case_texts (
    sha256  TEXT    NOT NULL PRIMARY KEY,
    content BLOB    NOT NULL,
    size    INTEGER NOT NULL
);

CREATE TABLE cases (
    run_id        TEXT    NOT NULL REFERENCES runs (id),
    seq           INTEGER NOT NULL,
    suite         TEXT    NOT NULL,
    case_id       TEXT    NOT NULL,
    prompt_id     TEXT    NOT NULL,
    route         TEXT    NOT NULL,
    sample        INTEGER NOT NULL,
    trace_id      TEXT,
    passed        INTEGER NOT NULL,
    schema_valid  INTEGER NOT NULL,
    failure_kind  TEXT,
    failure_message TEXT,
    accepted      INTEGER NOT NULL,
    final_action  TEXT,
    rule          TEXT,
    blocking      INTEGER NOT NULL,
    route_used    TEXT,
    model_used    TEXT,
    latency_ms    INTEGER NOT NULL,
    tokens_in     INTEGER NOT NULL,
    tokens_out    INTEGER NOT NULL,
    cost_usd      REAL    NOT NULL,
    attempts      INTEGER NOT NULL,
    fallbacks     INTEGER NOT NULL,
    cache_hit     INTEGER NOT NULL,
    tags          TEXT,
    failures      TEXT,
    failed_checks TEXT,
    fallback_steps TEXT,
    tokens_estimated INTEGER NOT NULL DEFAULT 0,
    expected      TEXT,
    scored_output TEXT,
    started_at    TEXT,
    versions_sha  TEXT,
    detail        BLOB    NOT NULL,
    PRIMARY KEY (run_id, seq),
    UNIQUE (run_id, suite, case_id, prompt_id, route, sample)
);
