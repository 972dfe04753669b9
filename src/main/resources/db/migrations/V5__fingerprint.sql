-- Evalbench run history, schema 4: each case's output fingerprint (OutputFingerprint: the first 8 bytes of the
-- SHA-256 of the output's canonical form, as a signed 64-bit integer), so a comparison of two runs knows from
-- their compact rows alone which outputs are unchanged and reads full records only for the others.
-- Rows stored before this schema get theirs from a step in Java (Migrations) after this statement.

ALTER TABLE cases ADD COLUMN output_fp INTEGER;
