-- The outbox worker reads pending rows oldest first, a page at a time, to find each stream's
-- next effect; this index serves that read without visiting delivered rows.
CREATE INDEX outbox_pending_in_order ON outbox (status, id);
