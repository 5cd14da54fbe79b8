-- SLA warnings and breaches already raised, one row each (clock, kind and due time in the key),
-- written with the case row locked so each is raised once.
CREATE TABLE sla_alerts (
    case_number  BIGINT      NOT NULL REFERENCES cases (case_number),
    alert_key    VARCHAR(80) NOT NULL,
    PRIMARY KEY (case_number, alert_key)
);
