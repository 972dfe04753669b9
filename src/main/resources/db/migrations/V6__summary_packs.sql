-- Evalbench run history, schema 6: a finished run's summary columns in one compressed value (SummaryPack), so
-- a reader of a large run's summaries reads one row instead of one per case. Derived from the cases rows, which
-- stay the history: a pack whose count or last sequence number no longer matches them is not used, and one is
-- made again by the next reader that may write. Existing runs get theirs when first read.

CREATE TABLE summary_packs (
    run_id    TEXT    PRIMARY KEY REFERENCES runs (id),
    cases     INTEGER NOT NULL,
    last_seq  INTEGER NOT NULL,
    pack      BLOB    NOT NULL
);
