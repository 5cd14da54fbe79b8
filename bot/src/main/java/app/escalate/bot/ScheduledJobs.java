package app.escalate.bot;

import app.escalate.commands.handlers.CheckCoverage;
import app.escalate.commands.handlers.EscalateUnacknowledged;
import app.escalate.commands.paging.ClimbPages;
import app.escalate.commands.handlers.ShowFairness;
import app.escalate.commands.oncall.FairnessPosts;
import app.escalate.commands.handoff.HandoffWatch;
import app.escalate.commands.handoff.ShiftReminders;
import app.escalate.commands.review.ReviewDates;
import app.escalate.commands.sla.DeadlineWatch;
import app.escalate.commands.sla.PatternSignal;
import app.escalate.commands.sla.SlaWatch;
import app.escalate.commands.summary.ExecUpdates;
import app.escalate.commands.swap.Swaps;
import app.escalate.storage.Database;
import app.escalate.storage.Outbox;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * Periodic work, run by db-scheduler on the bot's own database: one replica at a time runs each
 * job, and a restart loses none. Jobs decide in {@code commands/} and send through the outbox.
 * Each job's runs are counted on {@code /metrics} ({@link ScheduledRunMetrics}).
 */
final class ScheduledJobs {
    static final Duration ESCALATION_SWEEP = Duration.ofSeconds(15);
    static final LocalTime COVERAGE_CHECK_AT = LocalTime.of(7, 0);   // UTC
    static final LocalTime PATTERN_CHECK_AT = LocalTime.of(7, 15);   // UTC
    /** Mondays 08:00 UTC (seconds, minutes, hours, day of month, month, weekday): the start of most regions' week. */
    static final String REVIEW_DATES_CRON = "0 0 8 * * MON";
    /**
     * The 1st of each month, 06:00 UTC: the previous calendar month's on-call fairness report. Run late
     * (after downtime) it still reports the month before the one it runs in, and the month's row keeps it to once.
     */
    static final String FAIRNESS_MONTHLY_CRON = "0 0 6 1 * *";
    /** How often handovers are looked for: a digest goes out within this of its shift boundary. */
    static final Duration HANDOFF_SWEEP = Duration.ofSeconds(15);
    /** How often shift reminders are looked for: one goes out within this of {@code remind_before} ahead of its shift. */
    static final Duration SHIFT_REMINDER_SWEEP = Duration.ofSeconds(15);
    static final Duration EXEC_UPDATE_SWEEP = Duration.ofSeconds(30);
    /** How often SLA clocks are looked at: a warning or breach is raised within this of its instant. */
    static final Duration SLA_SWEEP = Duration.ofSeconds(15);
    /** Deadlines others set are warned and breached as the SLA clocks are, within a sweep of their time. */
    static final Duration DEADLINE_SWEEP = Duration.ofSeconds(15);
    /** Swap requests are reminded and expired within this of their time. */
    static final Duration SWAP_SWEEP = Duration.ofSeconds(15);
    /**
     * A replica that dies while running a job holds it until its heartbeats are missed: 6 × 10 s,
     * so another replica takes the job over within about a minute, not db-scheduler's 20.
     */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final int MISSED_HEARTBEATS = 6;

    private ScheduledJobs() {
    }

    static Scheduler start(Database database, Clock clock, Outbox outbox, MeterRegistry metrics,
                           EscalateUnacknowledged escalation, ClimbPages pages, CheckCoverage coverage, HandoffWatch handoffs, ExecUpdates execUpdates, SlaWatch sla, DeadlineWatch deadlines, PatternSignal patterns,
                           ReviewDates reviewDates, ShiftReminders shiftReminders, ShowFairness fairness, FairnessPosts fairnessPosts, Swaps swaps) {
        RecurringTask<Void> sweep = Tasks.recurring("escalation-sweep", FixedDelay.of(ESCALATION_SWEEP))
                .execute((instance, context) -> {
                    try {
                        escalation.sweep();
                    } finally {
                        // Each page's own steps (Slack, then a pager), its quiet hours and its answer time: taken even when the chain's sweep failed.
                        pages.sweep();
                    }
                });
        RecurringTask<Void> handoffSweep = Tasks.recurring("handoff-sweep", FixedDelay.of(HANDOFF_SWEEP))
                .execute((instance, context) -> handoffs.sweep());
        RecurringTask<Void> shiftReminderSweep = Tasks.recurring("shift-reminder-sweep", FixedDelay.of(SHIFT_REMINDER_SWEEP))
                .execute((instance, context) -> shiftReminders.sweep());
        RecurringTask<Void> execUpdateSweep = Tasks.recurring("exec-update-sweep", FixedDelay.of(EXEC_UPDATE_SWEEP))
                .execute((instance, context) -> execUpdates.sweep());
        RecurringTask<Void> slaSweep = Tasks.recurring("sla-sweep", FixedDelay.of(SLA_SWEEP))
                .execute((instance, context) -> sla.sweep());
        RecurringTask<Void> deadlineSweep = Tasks.recurring("deadline-sweep", FixedDelay.of(DEADLINE_SWEEP))
                .execute((instance, context) -> deadlines.sweep());
        RecurringTask<Void> swapSweep = Tasks.recurring("swap-sweep", FixedDelay.of(SWAP_SWEEP))
                .execute((instance, context) -> swaps.sweep());
        RecurringTask<Void> dailyPatterns = Tasks.recurring("pattern-signal-daily", Schedules.daily(PATTERN_CHECK_AT))
                .execute((instance, context) -> patterns.alert().ifPresent(alert -> outbox.enqueue(alert, clock.instant())));
        RecurringTask<Void> weeklyReviews = Tasks.recurring("review-dates-weekly", Schedules.cron(REVIEW_DATES_CRON, ZoneOffset.UTC))
                .execute((instance, context) -> reviewDates.reminder().ifPresent(reminder -> outbox.enqueue(reminder, clock.instant())));
        RecurringTask<Void> monthlyFairness = Tasks.recurring("fairness-monthly", Schedules.cron(FAIRNESS_MONTHLY_CRON, ZoneOffset.UTC))
                .execute((instance, context) -> fairness.postLastMonth(fairnessPosts));
        Runnable postCoverage = () -> coverage.notice().ifPresent(notice -> outbox.enqueue(notice, clock.instant()));
        RecurringTask<Void> dailyCoverage = Tasks.recurring("coverage-check-daily", Schedules.daily(COVERAGE_CHECK_AT))
                .execute((instance, context) -> postCoverage.run());
        OneTimeTask<Void> startupCoverage = Tasks.oneTime("coverage-check-at-start-up")
                .execute((instance, context) -> postCoverage.run());
        List<RecurringTask<Void>> recurring = List.of(sweep, slaSweep, deadlineSweep, swapSweep, handoffSweep, shiftReminderSweep, execUpdateSweep,
                dailyCoverage, dailyPatterns, weeklyReviews, monthlyFairness);
        List<String> names = Stream.concat(recurring.stream().map(RecurringTask::getName), Stream.of(startupCoverage.getName())).toList();
        Scheduler scheduler = Scheduler.create(database.dataSource(), startupCoverage).startTasks(recurring).threads(1)
                .addSchedulerListener(new ScheduledRunMetrics(metrics, names))
                .pollingInterval(Duration.ofSeconds(2)).clock(clock::instant)
                .heartbeatInterval(HEARTBEAT).missedHeartbeatsLimit(MISSED_HEARTBEATS)
                // Each process its own name (the host's alone is shared by replicas on one machine), so what it holds is told apart.
                .schedulerName(new SchedulerName.Fixed(ProcessHandle.current().pid() + "@" + new SchedulerName.Hostname().getName()))
                .build();
        scheduler.start();
        // Replicas starting together share one instance id, so the team hears it once.
        scheduler.scheduleIfNotExists(startupCoverage.instance("start-up"), clock.instant());
        return scheduler;
    }
}
