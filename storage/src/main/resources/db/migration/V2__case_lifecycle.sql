-- The case lifecycle: affected surface, acknowledgement, resolution, restriction; tasks, stakeholder
-- groups and members.

ALTER TABLE cases ADD COLUMN surface VARCHAR(150);
ALTER TABLE cases ADD COLUMN acked_by VARCHAR(24);
ALTER TABLE cases ADD COLUMN acked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cases ADD COLUMN resolution VARCHAR(3000);
ALTER TABLE cases ADD COLUMN root_cause VARCHAR(40);
ALTER TABLE cases ADD COLUMN resolved_by VARCHAR(24);
ALTER TABLE cases ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cases ADD COLUMN restricted BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE case_tasks (
    case_number  BIGINT        NOT NULL REFERENCES cases (case_number),
    task_number  INT           NOT NULL,
    text         VARCHAR(3000) NOT NULL,
    assignee     VARCHAR(24),
    created_by   VARCHAR(24)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    done_by      VARCHAR(24),
    done_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (case_number, task_number)
);

CREATE TABLE case_stakeholders (
    case_number  BIGINT       NOT NULL REFERENCES cases (case_number),
    group_name   VARCHAR(40)  NOT NULL,
    PRIMARY KEY (case_number, group_name)
);

-- People invited to or acting on a case; for a restricted case, the only ones who may see it.
CREATE TABLE case_members (
    case_number  BIGINT       NOT NULL REFERENCES cases (case_number),
    user_id      VARCHAR(24)  NOT NULL,
    PRIMARY KEY (case_number, user_id)
);
CREATE INDEX case_members_by_user ON case_members (user_id);
