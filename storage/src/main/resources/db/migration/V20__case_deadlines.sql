-- Deadlines people set on a case (a regulator's reply date, a court order), and the case type's
-- deadlines they moved, marked done or dropped: one row per deadline name. A type's deadline no one
-- touched has no row; it is computed from the policy. The reason is typed text (up to 3,000
-- characters: twice that in H2's UTF-16 units, as V17 explains).
CREATE TABLE case_deadlines (
    case_number  BIGINT       NOT NULL REFERENCES cases (case_number),
    name         VARCHAR(40)  NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE,
    set_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    set_by       VARCHAR(24)  NOT NULL,
    closed       VARCHAR(8),
    closed_at    TIMESTAMP WITH TIME ZONE,
    closed_by    VARCHAR(24),
    reason       VARCHAR(6000),
    PRIMARY KEY (case_number, name)
);
