package app.escalate.bot.slack;

import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.commands.Case;
import app.escalate.commands.ChannelId;
import app.escalate.commands.Effects;
import app.escalate.commands.PinnedMessage;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SlackText;
import app.escalate.commands.UserId;
import app.escalate.commands.handlers.RecordPinnedMessage;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.Message;
import com.slack.api.model.event.ReactionAddedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code reaction_added} with :pushpin: in a case channel: queues the job and acks; the job reads
 * the message (a direct read, not a side effect) and records it on the case's timeline, once.
 */
public final class PinnedMessages {
    private static final Logger log = LoggerFactory.getLogger(PinnedMessages.class);
    static final String PIN = "pushpin";

    private final RecordPinnedMessage recorder;
    private final MethodsClient methods;
    private final Effects effects;
    private final Clock clock;

    /** True the first time an event id is seen: Slack redelivers events it thinks went unanswered. */
    private final java.util.function.Predicate<String> firstTime;

    public PinnedMessages(RecordPinnedMessage recorder, MethodsClient methods, Effects effects, Clock clock,
                          java.util.function.Predicate<String> firstTime) {
        this.recorder = recorder;
        this.methods = methods;
        this.effects = effects;
        this.clock = clock;
        this.firstTime = firstTime;
    }

    public void register(App app) {
        app.event(ReactionAddedEvent.class, (req, ctx) -> {
            ReactionAddedEvent event = req.getEvent();
            // Handled once, however often Slack delivers it (X-Slack-Retry-Num) and whichever replica it reaches.
            if (PIN.equals(event.getReaction()) && event.getItem() != null && "message".equals(event.getItem().getType())
                    && event.getItem().getChannel() != null && event.getItem().getTs() != null && event.getUser() != null
                    && (req.getEventId() == null || firstTime.test(req.getEventId()))) {
                effects.enqueue(List.of(new SlackEffect.RecordPin(new ChannelId(event.getItem().getChannel()), event.getItem().getTs(),
                        new UserId(event.getUser()))), clock.instant());
            }
            return ctx.ack();
        });
    }

    /** The job: reads the pinned message and records it; a message gone or unreadable is not recorded. */
    public DeliveryAttempt record(SlackEffect.RecordPin pin) {
        Optional<Case> c = recorder.caseIn(pin.channel());
        if (c.isEmpty()) return DeliveryAttempt.sent();
        try {
            Optional<Message> message = fetch(pin.channel(), pin.ts());
            if (message.isEmpty()) {
                log.warn("pinned message {} in {} could not be read; not recorded", pin.ts(), c.get().id());
                return DeliveryAttempt.sent();
            }
            var link = methods.chatGetPermalink(r -> r.channel(pin.channel().value()).messageTs(pin.ts()));
            Optional<String> permalink = link.isOk() ? Optional.ofNullable(link.getPermalink()) : Optional.empty();
            Optional<UserId> author = Optional.ofNullable(message.get().getUser()).filter(u -> u.matches("[UW][A-Z0-9]{2,20}"))
                    .map(UserId::new);
            recorder.record(c.get(), pin.pinnedBy(), new PinnedMessage(pin.ts(), author, SlackText.plain(message.get().getText()), permalink));
            return DeliveryAttempt.sent();
        } catch (IOException | SlackApiException e) {
            return new DeliveryAttempt.Retry(Optional.empty(), "reading the pinned message: " + e, false);
        }
    }

    /** The message itself: from the channel's history, or, for a reply in a thread, from its thread. */
    private Optional<Message> fetch(ChannelId channel, String ts) throws IOException, SlackApiException {
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
