package app.escalate.bot.slack;

import app.escalate.commands.Case;
import app.escalate.commands.ChannelId;
import app.escalate.commands.PinnedMessage;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import app.escalate.commands.handlers.RecordPinnedMessage;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Message;
import com.slack.api.model.event.ReactionAddedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * {@code reaction_added} with :pushpin: in a case channel: acks at once, then reads the message
 * (a direct read, not a side effect) and records it on the case's timeline.
 */
public final class PinnedMessages {
    private static final Logger log = LoggerFactory.getLogger(PinnedMessages.class);
    static final String PIN = "pushpin";

    private final RecordPinnedMessage recorder;
    private final MethodsClient methods;
    private final ExecutorService background;

    /** True the first time an event id is seen: Slack redelivers events it thinks went unanswered. */
    private final java.util.function.Predicate<String> firstTime;

    public PinnedMessages(RecordPinnedMessage recorder, MethodsClient methods, ExecutorService background,
                          java.util.function.Predicate<String> firstTime) {
        this.recorder = recorder;
        this.methods = methods;
        this.background = background;
        this.firstTime = firstTime;
    }

    public void register(App app) {
        app.event(ReactionAddedEvent.class, (req, ctx) -> {
            ReactionAddedEvent event = req.getEvent();
            // Handled once, however often Slack delivers it (X-Slack-Retry-Num) and whichever replica it reaches.
            if (PIN.equals(event.getReaction()) && event.getItem() != null && "message".equals(event.getItem().getType())
                    && (req.getEventId() == null || firstTime.test(req.getEventId()))) {
                background.submit(() -> record(event));
            }
            return ctx.ack();
        });
    }

    private void record(ReactionAddedEvent event) {
        try {
            ChannelId channel = new ChannelId(event.getItem().getChannel());
            Optional<Case> c = recorder.caseIn(channel);
            if (c.isEmpty()) return;
            String ts = event.getItem().getTs();
            Optional<Message> message = fetch(channel, ts);
            if (message.isEmpty()) {
                log.warn("pinned message {} in {} could not be read; not recorded", ts, c.get().id());
                return;
            }
            var link = methods.chatGetPermalink(r -> r.channel(channel.value()).messageTs(ts));
            Optional<String> permalink = link.isOk() ? Optional.ofNullable(link.getPermalink()) : Optional.empty();
            Optional<UserId> author = Optional.ofNullable(message.get().getUser()).filter(u -> u.matches("[UW][A-Z0-9]{2,20}"))
                    .map(UserId::new);
            recorder.record(c.get(), new UserId(event.getUser()),
                    new PinnedMessage(ts, author, SlackText.plain(message.get().getText()), permalink));
        } catch (Exception e) {
            log.warn("recording a pinned message failed: {}", e.toString());
        }
    }

    /** The message itself: from the channel's history, or, for a reply in a thread, from its thread. */
    private Optional<Message> fetch(ChannelId channel, String ts) throws Exception {
        var history = methods.conversationsHistory(r -> r.channel(channel.value()).latest(ts).oldest(ts).inclusive(true).limit(1));
        Optional<Message> found = history.isOk() ? first(history.getMessages(), ts) : Optional.empty();
        if (found.isPresent()) return found;
        var replies = methods.conversationsReplies(r -> r.channel(channel.value()).ts(ts).latest(ts).inclusive(true).limit(1));
        return replies.isOk() ? first(replies.getMessages(), ts) : Optional.empty();
    }

    private static Optional<Message> first(List<Message> messages, String ts) {
        return messages == null ? Optional.empty() : messages.stream().filter(m -> ts.equals(m.getTs())).findFirst();
    }
}
