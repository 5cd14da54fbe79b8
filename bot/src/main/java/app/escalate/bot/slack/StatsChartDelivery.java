package app.escalate.bot.slack;

import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.bot.render.StatsChart;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.TeamStats;
import app.escalate.config.Policy;
import app.escalate.storage.JdbiCaseStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Draws the stats chart from the figures as they are at delivery and uploads it by direct message
 * to whoever typed {@code /esc stats} ({@link DirectMessageFiles}).
 */
final class StatsChartDelivery {
    private final JdbiCaseStore cases;
    private final Policy policy;
    private final Clock clock;
    private final DirectMessageFiles files;

    StatsChartDelivery(SlackCalls calls, JdbiCaseStore cases, Policy policy, Clock clock) {
        this.cases = cases;
        this.policy = policy;
        this.clock = clock;
        this.files = new DirectMessageFiles(calls);
    }

    DeliveryAttempt upload(SlackEffect.UploadStatsChart e) {
        Instant now = clock.instant();
        Duration window = Duration.ofDays(e.days());
        TeamStats.Report report = TeamStats.of(window, cases.openedBetween(now.minus(window), now),
                cases.events(now.minus(window), now, Set.of(CaseEvent.Kind.STATE_CHANGED)), policy, now);
        byte[] png;
        try {
            png = StatsChart.png(report);
        } catch (LinkageError | InternalError noGraphics) {
            // No fonts or graphics on this machine: the figures were already answered in text.
            throw new SlackCalls.Refused("stats chart: cannot draw here (" + noGraphics + ")");
        }
        // To the asker by direct message: the figures were for them, and a DM always takes the bot's files.
        return files.upload(e.user(), "escalate-stats-" + e.days() + "d.png", "image/png", png, "Escalate stats, last " + e.days() + " days",
                "Cases per week by type, and SLA met per severity, over the last " + e.days() + " days (asked by <@" + e.user().value() + ">).");
    }
}
