-- Cases raised by machines (POST /api/cases). A source's dedup key names one open case: the
-- primary key on (source, dedup_key) lets one request claim it, in the transaction that opens the
-- case, and makes every concurrent claim of it fail, on any replica. The claim is released when
-- its case is found resolved, so the next report opens a new case. The claiming transaction
-- touches the claim only once: a second write to it would wait on the claims that wait on it (H2).
CREATE TABLE intake_keys (
    source       VARCHAR(40)   NOT NULL,
    dedup_key    VARCHAR(200)  NOT NULL,
    claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source, dedup_key)
);

-- Which source raised a case and under which key; the newest case of a claimed key is the one it names.
CREATE TABLE intake_cases (
    case_number  BIGINT        PRIMARY KEY REFERENCES cases (case_number),
    source       VARCHAR(40)   NOT NULL,
    dedup_key    VARCHAR(200)  NOT NULL,
    link         VARCHAR(2000)
);
CREATE INDEX intake_cases_by_key ON intake_cases (source, dedup_key, case_number);

-- Requests taken per source and minute, shared by the replicas: max_per_minute is a count here.
CREATE TABLE intake_rate (
    source        VARCHAR(40)  NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    taken         INT          NOT NULL,
    PRIMARY KEY (source, window_start)
);
