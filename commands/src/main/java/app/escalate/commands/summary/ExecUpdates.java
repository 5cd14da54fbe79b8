package app.escalate.commands.summary;

import app.escalate.commands.Case;
import app.escalate.commands.CaseStore;
import app.escalate.commands.DraftKind;
import app.escalate.commands.SlackEffect;
import app.escalate.config.Policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The exec-update sweep: an open case whose severity sets {@code exec_update} reminds its channel
 * when that long has passed since it opened, since the last summary was posted, or since the last
 * reminder. Each reminder is recorded once per due time, so replicas and restarts repeat none.
 */
public final class ExecUpdates {
    private final CaseStore cases;
    private final DraftStore drafts;
    private final Policy policy;
    private final Clock clock;

    public ExecUpdates(CaseStore cases, DraftStore drafts, Policy policy, Clock clock) {
        this.cases = cases;
        this.drafts = drafts;
        this.policy = policy;
        this.clock = clock;
    }

    /** Reminds every case that is due; returns how many were reminded. */
    public int sweep() {
        Instant now = clock.instant();
        int reminded = 0;
        for (Case c : cases.openCases()) {
            Optional<Duration> every = policy.severity(c.severity().level()).execUpdateEvery();
            if (every.isEmpty() || c.channel().isEmpty()) continue;
            Instant last = latest(c.openedAt(), drafts.lastPosted(c.id(), DraftKind.EXEC_SUMMARY), drafts.lastReminded(c.id()));
            Instant due = last.plus(every.get());
            if (!now.isBefore(due) && drafts.remind(c.id(), due, now, List.of(new SlackEffect.ExecUpdateDue(c.id(), every.get())))) {
                reminded++;
            }
        }
        return reminded;
    }

    @SafeVarargs
    private static Instant latest(Instant first, Optional<Instant>... others) {
        Instant latest = first;
        for (Optional<Instant> o : others) if (o.isPresent() && o.get().isAfter(latest)) latest = o.get();
        return latest;
    }
}
