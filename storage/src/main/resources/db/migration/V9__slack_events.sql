-- Events API deliveries already handled, by Slack's event_id: a redelivery (X-Slack-Retry-Num)
-- is acknowledged and not handled again. Kept three days; Slack retries within minutes.
CREATE TABLE slack_events (
    event_id     VARCHAR(64) PRIMARY KEY,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX slack_events_by_time ON slack_events (received_at);
