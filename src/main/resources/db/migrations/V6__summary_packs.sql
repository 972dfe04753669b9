-- Evalbench run history, schema 6: a finished run's summary columns in one compressed value (SummaryPack), so
-- a reader of a large run's summaries reads one row instead of one per case. Derived from the cases rows, which
-- stay the history: any change to a run's rows (a case stored or discarded, a row rewritten by a migration or by
-- hand with sqlite3) drops its pack in the same transaction, and the next reader that may write makes it again.
-- Existing runs get theirs when first read.

CREATE TABLE summary_packs (
    run_id    TEXT    PRIMARY KEY REFERENCES runs (id),
    cases     INTEGER NOT NULL,
    last_seq  INTEGER NOT NULL,
    pack      BLOB    NOT NULL
);

-- Counts rows rewritten in place. A pack is made from rows read before it is stored; the count and last sequence
-- number tell whether rows were added or removed meanwhile, this whether one was rewritten.
CREATE TABLE summary_pack_epoch (
    id        INTEGER PRIMARY KEY CHECK (id = 0),
    rewrites  INTEGER NOT NULL
);
INSERT INTO summary_pack_epoch (id, rewrites) VALUES (0, 0);

CREATE TRIGGER summary_pack_stale_on_insert AFTER INSERT ON cases
BEGIN
    DELETE FROM summary_packs WHERE run_id = NEW.run_id;
END;

CREATE TRIGGER summary_pack_stale_on_update AFTER UPDATE ON cases
BEGIN
    DELETE FROM summary_packs WHERE run_id = OLD.run_id OR run_id = NEW.run_id;
    UPDATE summary_pack_epoch SET rewrites = rewrites + 1;
END;

CREATE TRIGGER summary_pack_stale_on_delete AFTER DELETE ON cases
BEGIN
    DELETE FROM summary_packs WHERE run_id = OLD.run_id;
END;
