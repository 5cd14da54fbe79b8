-- Signatures of the signed requests accepted in the last minutes: a request replayed while its
-- timestamp is still acceptable (five minutes either way) is recognised and ignored, on any replica.
CREATE TABLE signed_requests (
    signature  VARCHAR(100) PRIMARY KEY,
    signed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX signed_requests_by_time ON signed_requests (signed_at);
