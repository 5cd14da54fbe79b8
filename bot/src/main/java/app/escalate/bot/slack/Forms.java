package app.escalate.bot.slack;

import com.slack.api.bolt.context.Context;
import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Opens modals. A form's trigger lives 3 s from the click or command that gave it, so a form is
 * opened directly (never through the outbox), right after the ack rather than before it (a slow
 * Slack would make the ack late), on a pool that does nothing else.
 */
public final class Forms {
    private static final Logger log = LoggerFactory.getLogger(Forms.class);

    private final Executor views;

    /** {@code views} runs nothing but opening forms. */
    public Forms(Executor views) {
        this.views = views;
    }

    /** The view Slack opened, or Slack's reason for not opening it. */
    record Opened(Optional<View> view, String error) {
    }

    /** Opens {@code view} once the handler has acked; when Slack will not, {@code refused} gets its reason. */
    void openAfterAck(Context ctx, String triggerId, View view, Consumer<String> refused) {
        views.execute(() -> {
            Opened opened = open(ctx, triggerId, view);
            if (opened.view().isEmpty()) refused.accept(opened.error());
        });
    }

    /** Runs {@code work} (which opens a form) on the forms' pool, after the ack. */
    void afterAck(Runnable work) {
        views.execute(work);
    }

    /** Opens {@code view} now, on the calling thread. */
    Opened open(Context ctx, String triggerId, View view) {
        try {
            var res = ctx.client().viewsOpen(r -> r.triggerId(triggerId).view(view));
            if (res.isOk()) return new Opened(Optional.ofNullable(res.getView()), "");
            log.warn("views.open of {} refused: {}", view.getCallbackId(), res.getError());
            return new Opened(Optional.empty(), res.getError());
        } catch (Exception e) {
            log.warn("views.open of {} failed: {}", view.getCallbackId(), e.toString());
            return new Opened(Optional.empty(), "Slack did not answer");
        }
    }
}
