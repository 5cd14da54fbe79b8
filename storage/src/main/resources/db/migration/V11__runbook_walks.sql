-- The decision tree's question a case's walk is waiting on (NULL: no walk under way). Answers are
-- taken only for this question, with the case row locked, so a double click acts once.
ALTER TABLE cases ADD COLUMN runbook_at VARCHAR(40);
