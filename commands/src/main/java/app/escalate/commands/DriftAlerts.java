package app.escalate.commands;

import java.time.Instant;
import java.util.List;

/**
 * The memory of the team's alerts that people's verdicts on an AI surface have turned against it
 * (see {@link AcceptanceDrift}), per watch ({@code triage}, {@code duplicate-flags}), kept so each
 * is raised once and a restart still knows when the last one was.
 */
public interface DriftAlerts {
    /** How many verdicts the {@code watch} had when the team was last alerted; 0 when never. */
    int lastDriftAlertAt(String watch);

    /** Records an alert of {@code watch} at {@code decidedCount} verdicts, with its effects; false when one is already recorded there. */
    boolean driftAlert(String watch, int decidedCount, Instant at, List<SlackEffect> effects);
}
