-- The queued request a draft was written for: a request run twice (its worker died after writing
-- the draft, before recording that) finds its draft instead of writing and showing a second one.
ALTER TABLE drafts ADD COLUMN request_key VARCHAR(100);
CREATE UNIQUE INDEX drafts_by_request ON drafts (request_key);
