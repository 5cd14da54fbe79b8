-- Findings a reviewer checked and let stand when posting a draft, and why; the reviewer is the
-- draft's reviewer. One finding a line, as in findings.
ALTER TABLE drafts ADD COLUMN confirmed_findings VARCHAR(5000);
ALTER TABLE drafts ADD COLUMN confirmed_why VARCHAR(1000);
