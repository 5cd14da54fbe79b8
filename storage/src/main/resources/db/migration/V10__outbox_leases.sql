-- How many times a row was leased. More leases than recorded attempts means an earlier try ended
-- without a result (the process died mid-call), so Slack may already have done it.
ALTER TABLE outbox ADD COLUMN leases INT DEFAULT 0 NOT NULL;
