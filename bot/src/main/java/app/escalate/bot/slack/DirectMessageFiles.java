package app.escalate.bot.slack;

import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Uploads a file to someone by direct message the way Slack asks: {@code conversations.open} for
 * the DM, {@code files.getUploadURLExternal}, the bytes to that URL, then
 * {@code files.completeUploadExternal} into the DM with a comment. A DM always takes the bot's files.
 */
final class DirectMessageFiles {
    private final SlackCalls calls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DirectMessageFiles(SlackCalls calls) {
        this.calls = calls;
    }

    /** A {@link SlackEffect.SendFile}: its text as UTF-8. */
    DeliveryAttempt send(SlackEffect.SendFile e) {
        return upload(e.user(), e.filename(), "text/csv", e.content().getBytes(StandardCharsets.UTF_8), e.title(), e.comment());
    }

    DeliveryAttempt upload(UserId user, String name, String contentType, byte[] bytes, String title, String comment) {
        var dm = calls.call("conversations.open", () -> calls.methods().conversationsOpen(r -> r.users(List.of(user.value()))));
        if (!dm.isOk()) throw SlackCalls.refused("conversations.open", dm);
        String channel = dm.getChannel().getId();
        var target = calls.call("files.getUploadURLExternal", () -> calls.methods().filesGetUploadURLExternal(r -> r.filename(name).length(bytes.length)));
        if (!target.isOk()) throw SlackCalls.refused("files.getUploadURLExternal", target);
        try {
            HttpResponse<Void> sent = http.send(HttpRequest.newBuilder(URI.create(target.getUploadUrl())).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
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
                        .id(target.getFileId()).title(title).build()))
                .channelId(channel)
                .initialComment(comment)));
        if (!done.isOk()) throw SlackCalls.refused("files.completeUploadExternal", done);
        return DeliveryAttempt.sent();
    }
}
