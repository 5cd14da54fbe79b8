package app.escalate.commands.handlers;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseStore;
import app.escalate.commands.EscCommand;
import app.escalate.commands.FairnessReport;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.oncall.Fairness;
import app.escalate.commands.oncall.FairnessPosts;
import app.escalate.commands.oncall.FairnessText;
import app.escalate.commands.oncall.OnCall;
import app.escalate.config.Policy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /esc oncall report}: the fairness report over a window, to the asker, and (with {@code csv})
 * the same figures as a CSV file by direct message; and the monthly post of the previous calendar
 * month's report to the team channel, once. The figures come from {@link Fairness}; this reads the
 * schedules and the pages and queues what goes to Slack.
 */
public final class ShowFairness {
    /** An outbox row holds at most this much of a file (the CSV of a team of about a hundred people). */
    static final int MAX_CSV_CHARS = 12_000;

    private final CaseStore cases;
    private final OnCall onCall;
    private final Policy policy;
    private final Clock clock;

    public ShowFairness(CaseStore cases, OnCall onCall, Policy policy, Clock clock) {
        this.cases = cases;
        this.onCall = onCall;
        this.policy = policy;
        this.clock = clock;
    }

    public Reply handle(EscCommand.OnCallReport command, Invocation by) {
        Instant now = clock.instant();
        FairnessReport.Period period = switch (command.window()) {
            case "90d" -> FairnessReport.Period.last(90, now);
            case "quarter" -> FairnessReport.Period.quarter(now);
            default -> FairnessReport.Period.last(30, now);
        };
        FairnessReport report = report(period);
        if (!command.csv()) return new Reply.OnCallReport(report, false);
        String csv = FairnessText.csv(report);
        if (csv.length() > MAX_CSV_CHARS) {
            return new Reply.Refusal("The CSV would be " + csv.length() + " characters, more than the " + MAX_CSV_CHARS
                    + " a direct message file may carry here; ask for the report without `csv`.");
        }
        cases.enqueue(List.of(new SlackEffect.SendFile(by.user(), FairnessText.csvName(report), "On-call fairness, " + period.label(),
                "On-call fairness, " + period.label() + ", one row per person (hours to two decimals), as you asked.", csv)), now);
        return new Reply.OnCallReport(report, true);
    }

    /** The report over {@code period}, with the pages recorded in it. */
    public FairnessReport report(FairnessReport.Period period) {
        return Fairness.of(period, onCall.schedulesSince(period.from()),
                cases.events(period.from(), period.until(), Set.of(CaseEvent.Kind.PAGED, CaseEvent.Kind.PAGE_REQUESTED)), policy::person, policy.fairness().maxSpread());
    }

    /**
     * The previous calendar month's report (UTC) for the team channel, when the policy asks for it:
     * recorded with its post in one transaction, so it goes out once whatever the restarts and replicas.
     * Empty when the policy does not ask or it was already posted.
     */
    public Optional<YearMonth> postLastMonth(FairnessPosts posts) {
        if (!policy.fairness().monthlyPost()) return Optional.empty();
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(1);
        FairnessReport report = report(FairnessReport.Period.month(month));
        boolean posted = posts.monthlyPost(month, now,
                List.of(new SlackEffect.FairnessPost(policy.workspace().teamChannel(), FairnessText.mrkdwn(report))));
        return posted ? Optional.of(month) : Optional.empty();
    }
}
