-- Evalbench run history, schema 3: what a run holds. EVAL (the workspace's suites run against a route), TRAFFIC
-- (production requests imported by `evalbench traffic import`) or SHADOW (the workspace run over a traffic run's
-- captured inputs, acting on nothing). Runs stored before this schema are evals.

ALTER TABLE runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'EVAL';
