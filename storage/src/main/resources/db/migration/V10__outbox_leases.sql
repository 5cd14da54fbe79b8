-- How many tries of a row were started (leases) and how many ended with a known outcome (answered:
-- delivered, failed for good, or refused in a way that shows Slack did nothing). More leases than
-- answers, before this lease, means an earlier try may already have been done in Slack.
ALTER TABLE outbox ADD COLUMN leases INT DEFAULT 0 NOT NULL;
ALTER TABLE outbox ADD COLUMN answered INT DEFAULT 0 NOT NULL;
-- Rows from before: each recorded attempt was a try with a known outcome; a row leased now is one more try.
UPDATE outbox SET answered = attempts,
                  leases = attempts + CASE WHEN lease_until IS NOT NULL THEN 1 ELSE 0 END;
