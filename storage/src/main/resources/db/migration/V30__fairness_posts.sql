-- The monthly on-call fairness posts to the team channel: one row per calendar month reported
-- (YYYY-MM, UTC), written in the same transaction as the post's outbox row, so restarts and
-- replicas post each month once.
CREATE TABLE fairness_posts (
    for_month  CHAR(7)                  NOT NULL PRIMARY KEY,
    posted_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
