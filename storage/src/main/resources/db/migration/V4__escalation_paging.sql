-- The escalation chain: how far up an unacknowledged case has been paged, and when the next step is due.
ALTER TABLE cases ADD COLUMN page_step INT DEFAULT 0 NOT NULL;
ALTER TABLE cases ADD COLUMN next_page_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX cases_by_next_page ON cases (next_page_at);
