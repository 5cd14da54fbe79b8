-- What each case is found by (its searchable text) and its sentence embedding (float32, little-endian,
-- as bytes: no vector extension needed), and how far the indexer has read the timeline.
CREATE TABLE case_search (
    case_number  BIGINT        NOT NULL PRIMARY KEY REFERENCES cases (case_number),
    body         VARCHAR(8000) NOT NULL,
    vector       BYTEA         NOT NULL,
    indexed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row: the last timeline event whose case has been indexed since it was written.
CREATE TABLE search_progress (
    name           VARCHAR(40) NOT NULL PRIMARY KEY,
    last_event_id  BIGINT      NOT NULL
);
