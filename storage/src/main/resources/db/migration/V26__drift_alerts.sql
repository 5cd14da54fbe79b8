-- Alerts that people's verdicts on AI triage or on the duplicate flags turned against them (the
-- share kept, or judged right, over the latest verdicts fell well below the share before them):
-- one row per alert, by watch and how many verdicts there were then, so each is raised once and a
-- restart still knows when the last one was.
CREATE TABLE drift_alerts (
    watch          VARCHAR(40) NOT NULL,
    decided_count  INT         NOT NULL,
    sent_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (watch, decided_count)
);
