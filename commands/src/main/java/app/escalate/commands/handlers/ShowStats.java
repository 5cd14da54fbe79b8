package app.escalate.commands.handlers;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseStore;
import app.escalate.commands.DraftKind;
import app.escalate.commands.EscCommand;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.TeamStats;
import app.escalate.commands.DuplicateStats;
import app.escalate.commands.TriageStats;
import app.escalate.commands.review.ReviewDates;
import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.DraftStats;
import app.escalate.commands.summary.DraftStore;
import app.escalate.config.Policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /esc stats}: the team's figures over the window, how the AI drafts and triage fare, and
 * what is past its review date; the chart is queued to follow by direct message (an upload takes
 * longer than an ack may). Counts only: restricted cases are counted, never named.
 */
public final class ShowStats {
    private final CaseStore cases;
    private final DraftStore drafts;
    private final ReviewDates reviewDates;
    private final Policy policy;
    private final Clock clock;

    public ShowStats(CaseStore cases, DraftStore drafts, ReviewDates reviewDates, Policy policy, Clock clock) {
        this.cases = cases;
        this.drafts = drafts;
        this.reviewDates = reviewDates;
        this.policy = policy;
        this.clock = clock;
    }

    public Reply handle(EscCommand.Stats command, Invocation by) {
        Instant now = clock.instant();
        cases.enqueue(List.of(new SlackEffect.UploadStatsChart(by.user(), by.channel(), command.days())), now);
        Duration window = Duration.ofDays(command.days());
        Instant from = now.minus(window);
        List<Draft> decided = new ArrayList<>(drafts.decided(DraftKind.EXEC_SUMMARY));
        decided.addAll(drafts.decided(DraftKind.RCA));
        return new Reply.Stats(TeamStats.of(window, cases.openedBetween(from, now), cases.events(from, now, Set.of(CaseEvent.Kind.STATE_CHANGED, CaseEvent.Kind.FIELD_SET,
                        CaseEvent.Kind.DEADLINE_DONE, CaseEvent.Kind.DEADLINE_BREACHED)),
                policy, now), DraftStats.byVersion(decided),
                TriageStats.of(cases.events(from, now.plusMillis(1), Set.of(CaseEvent.Kind.TRIAGE_SUGGESTED, CaseEvent.Kind.TRIAGE_JUDGED))),
                DuplicateStats.of(cases.events(from, now.plusMillis(1), Set.of(CaseEvent.Kind.SIMILAR_FOUND, CaseEvent.Kind.DUPLICATE_JUDGED))),
                reviewDates.overdue());
    }
}
