-- Pages to people on a case, one row per page (numbered within the case): whom, for what (a
-- rotation's level, or who asked and why with /esc page), how far up the person's notify steps it
-- has climbed, when the next step is due, and which pagers it rang (pagerduty, webhook) that its
-- acknowledgement or the case's resolution must stop. The sweep reads the open ones due by next_at.
-- The reason is typed text (up to 300 characters: twice that in H2's UTF-16 units, as V17 explains).
CREATE TABLE case_pages (
    case_number   BIGINT       NOT NULL REFERENCES cases (case_number),
    page_number   INT          NOT NULL,
    person        VARCHAR(24)  NOT NULL,
    level         VARCHAR(16),
    rotation      VARCHAR(200),
    requested_by  VARCHAR(24),
    group_name    VARCHAR(40),
    reason        VARCHAR(600),
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    climb_from    TIMESTAMP WITH TIME ZONE NOT NULL,
    next_step     INT          NOT NULL,
    next_at       TIMESTAMP WITH TIME ZONE,
    status        VARCHAR(12)  NOT NULL,
    held_until    TIMESTAMP WITH TIME ZONE,
    triggered     VARCHAR(100) NOT NULL,
    settled_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (case_number, page_number)
);
CREATE INDEX case_pages_due ON case_pages (status, next_at);
