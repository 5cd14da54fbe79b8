-- Where a case's AI triage stands (held for a person, applied, decided) with what was suggested
-- and what the case was before, as JSON; the suggestion itself and every verdict are timeline events.
ALTER TABLE cases ADD COLUMN triage VARCHAR(2000);
