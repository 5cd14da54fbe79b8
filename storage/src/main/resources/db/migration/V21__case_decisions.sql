-- Decisions taken on a case (/esc decide) and the stakeholder groups' answers to them. Texts hold
-- up to 3,000 characters: twice that in H2's UTF-16 units, as V17 explains. Alternatives (at most
-- five of 500 characters) are a JSON object keyed by their order (1, 2, …); the groups a decision
-- needs, comma-separated ids.
CREATE TABLE case_decisions (
    case_number      BIGINT        NOT NULL REFERENCES cases (case_number),
    decision_number  INT           NOT NULL,
    decision         VARCHAR(6000) NOT NULL,
    rationale        VARCHAR(6000) NOT NULL,
    alternatives     VARCHAR(32000) NOT NULL,
    decided_by       VARCHAR(24)   NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    needs            VARCHAR(400)  NOT NULL,
    override_reason  VARCHAR(6000),
    overridden_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (case_number, decision_number)
);

-- One answer per group and decision: the key itself refuses a second.
CREATE TABLE decision_sign_offs (
    case_number      BIGINT        NOT NULL,
    decision_number  INT           NOT NULL,
    group_id         VARCHAR(40)   NOT NULL,
    signed_by        VARCHAR(24)   NOT NULL,
    verdict          VARCHAR(10)   NOT NULL,
    reason           VARCHAR(6000),
    signed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_number, decision_number, group_id),
    FOREIGN KEY (case_number, decision_number) REFERENCES case_decisions (case_number, decision_number)
);
