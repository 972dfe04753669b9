-- Evalbench run history, schema 4: the verdicts of a suite's model-graded judges, per case. A JSON array of
-- {name, outcome, score, reason, error, label, cacheHit} (see JudgeVerdict), null when the suite has no judges,
-- in the compact row because judge metrics and the judge's agreement with human labels are read by gates.

ALTER TABLE cases ADD COLUMN judgements TEXT
