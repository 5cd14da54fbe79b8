package app.escalate.bot.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What Slack said of each "Escalate this message" form's channel, kept until the form comes back.
 * The form opens first and learns afterwards (by an update) that its channel is private; if the
 * person submits before that update reaches them, or the update fails, they never saw Restricted
 * ticked, so their unticked box is no choice of theirs and the case is restricted all the same.
 */
final class EscalationForms {
    /** How long a submission waits for Slack's answer about the channel before taking it as private. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(1);
    /** Slack closes a modal after a while; a form older than this will not come back. */
    private static final Duration KEEP = Duration.ofHours(1);

    /** Whether the channel is private, once Slack has said; and, once the form's update is done, the hash of one that showed Restricted ticked. */
    private record Asked(CompletableFuture<Boolean> privateChannel, CompletableFuture<Optional<String>> tickedHash, Instant openedAt) {
    }

    private final Map<String, Asked> byView = new ConcurrentHashMap<>();

    /** The form {@code viewId} is open, and Slack is being asked about its channel. */
    void opened(String viewId, Instant now) {
        byView.values().removeIf(a -> a.openedAt().isBefore(now.minus(KEEP)));
        byView.put(viewId, new Asked(new CompletableFuture<>(), new CompletableFuture<>(), now));
    }

    /** Slack's answer: private (or not described to the bot) or public. */
    void answered(String viewId, boolean isPrivate) {
        Optional.ofNullable(byView.get(viewId)).ifPresent(a -> a.privateChannel().complete(isPrivate));
    }

    /** The form's update is done: it showed Restricted ticked ({@code hash} is then the updated form's), or it did not. */
    void updated(String viewId, Optional<String> tickedHash) {
        Optional.ofNullable(byView.get(viewId)).ifPresent(a -> a.tickedHash().complete(tickedHash));
    }

    /**
     * Whether the form {@code viewId}, submitted as it looked at {@code submittedHash} with Restricted
     * unticked, must open a restricted case anyway: its channel is private (or Slack has not said
     * within {@link #ANSWER_WAIT}) and the person never saw the box ticked.
     */
    boolean mustRestrict(String viewId, String submittedHash) {
        // Left in place while waiting: the answers still to come complete it there.
        Asked asked = viewId == null ? null : byView.get(viewId);
        if (asked == null) return false;
        try {
            if (!await(asked.privateChannel(), true)) return false;
            return await(asked.tickedHash(), Optional.<String>empty()).map(ticked -> !Objects.equals(ticked, submittedHash)).orElse(true);
        } finally {
            byView.remove(viewId);
        }
    }

    private static <T> T await(CompletableFuture<T> answer, T otherwise) {
        try {
            return answer.get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return otherwise;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return otherwise;
        }
    }
}
