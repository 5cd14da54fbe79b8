package app.escalate.bot.slack;

import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.bot.render.StatsChart;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.TeamStats;
import app.escalate.config.Policy;
import app.escalate.storage.JdbiCaseStore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Draws the stats chart from the figures as they are at delivery and uploads it the way Slack
 * asks: {@code files.getUploadURLExternal}, the bytes to that URL, {@code files.completeUploadExternal}
 * into a direct message to whoever typed {@code /esc stats}.
 */
final class StatsChartDelivery {
    private final SlackCalls calls;
    private final JdbiCaseStore cases;
    private final Policy policy;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StatsChartDelivery(SlackCalls calls, JdbiCaseStore cases, Policy policy, Clock clock) {
        this.calls = calls;
        this.cases = cases;
        this.policy = policy;
        this.clock = clock;
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
        var dm = calls.call("conversations.open", () -> calls.methods().conversationsOpen(r -> r.users(List.of(e.user().value()))));
        if (!dm.isOk()) throw SlackCalls.refused("conversations.open", dm);
        String channel = dm.getChannel().getId();
        String name = "escalate-stats-" + e.days() + "d.png";
        var target = calls.call("files.getUploadURLExternal", () -> calls.methods().filesGetUploadURLExternal(r -> r.filename(name).length(png.length)));
        if (!target.isOk()) throw SlackCalls.refused("files.getUploadURLExternal", target);
        try {
            HttpResponse<Void> sent = http.send(HttpRequest.newBuilder(URI.create(target.getUploadUrl())).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (sent.statusCode() >= 500 || sent.statusCode() == 429) {
                throw new SlackCalls.Transient(Optional.empty(), "file upload: HTTP " + sent.statusCode());
            }
            if (sent.statusCode() >= 300) throw new SlackCalls.Refused("file upload: HTTP " + sent.statusCode());
        } catch (IOException io) {
            throw new SlackCalls.Transient(Optional.empty(), "file upload: " + io.getMessage());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new SlackCalls.Transient(Optional.empty(), "file upload: interrupted");
        }
        var done = calls.call("files.completeUploadExternal", () -> calls.methods().filesCompleteUploadExternal(r -> r
                .files(List.of(com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails.builder()
                        .id(target.getFileId()).title("Escalate stats, last " + e.days() + " days").build()))
                .channelId(channel)
                .initialComment("Cases per week by type, and SLA met per severity, over the last " + e.days() + " days (asked by <@"
                        + e.user().value() + ">).")));
        if (!done.isOk()) throw SlackCalls.refused("files.completeUploadExternal", done);
        return DeliveryAttempt.sent();
    }
}
