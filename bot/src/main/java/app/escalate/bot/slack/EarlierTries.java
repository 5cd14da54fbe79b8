package app.escalate.bot.slack;

import app.escalate.commands.CaseChannel;
import app.escalate.commands.ChannelId;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.Message;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an effect's earlier try may already have done in Slack, for an effect whose process died
 * during the call (so no result was recorded). Every message the outbox posts carries its
 * effect's id as message metadata; before posting again, the conversation's recent history is
 * read for it. A channel the earlier try created is found by its name and creator.
 */
final class EarlierTries {
    static final String EVENT_TYPE = "escalate_effect";
    /** How far back to look: an effect's own message is among a conversation's newest, since delivery is in order. */
    private static final int HISTORY = 100;

    private final SlackCalls calls;

    EarlierTries(SlackCalls calls) {
        this.calls = calls;
    }

    /**
     * The metadata that marks a message as posted by an outbox effect: its row id and what it is
     * (kind and case), so a database started afresh, whose ids begin again, is not mistaken for this one.
     */
    static Message.Metadata mark(SlackCalls.Effect effect) {
        return Message.Metadata.builder().eventType(EVENT_TYPE)
                .eventPayload(Map.of("effect", Long.toString(effect.id()), "what", effect.what())).build();
    }

    /**
     * The message effect {@code effectId} posted to {@code channel} (a channel id, a channel by name
     * as the policy gives it, or a user for a direct message), if an earlier try got that far: its
     * conversation's id (a direct message's {@code D…} for a user) and its ts.
     */
    Optional<SlackCalls.Posted> posted(String channel, SlackCalls.Effect effect) {
        Optional<String> conversation = conversation(channel);
        if (conversation.isEmpty()) return Optional.empty();
        var res = calls.call("conversations.history", () -> calls.methods().conversationsHistory(r -> r
                .channel(conversation.get()).limit(HISTORY).includeAllMetadata(true)));
        if (!res.isOk() || res.getMessages() == null) return Optional.empty();
        Map<String, Object> ours = mark(effect).getEventPayload();
        return res.getMessages().stream()
                .filter(m -> m.getMetadata() != null && EVENT_TYPE.equals(m.getMetadata().getEventType())
                        && m.getMetadata().getEventPayload() != null
                        && ours.entrySet().stream().allMatch(e -> e.getValue().equals(String.valueOf(m.getMetadata().getEventPayload().get(e.getKey())))))
                .map(m -> new SlackCalls.Posted(conversation.get(), m.getTs())).findFirst();
    }

    /**
     * The channel called {@code name} that this bot created: one an earlier try made, when creating
     * it again says the name is taken. A channel of that name someone else made is not ours.
     */
    Optional<CaseChannel> channelNamed(String name, boolean isPrivate) {
        String bot = calls.botUser();
        return listed(name, List.of(isPrivate ? ConversationType.PRIVATE_CHANNEL : ConversationType.PUBLIC_CHANNEL),
                c -> name.equals(c.getName()) && bot.equals(c.getCreator()))
                .map(c -> new CaseChannel(new ChannelId(c.getId()), c.getName()));
    }

    /**
     * The first channel of {@code types} Slack lists that {@code matches}, page by page; looking for
     * {@code what} stops (to be tried again) once the effect's time for looking is up.
     */
    private Optional<Conversation> listed(String what, List<ConversationType> types, Predicate<Conversation> matches) {
        String cursor = null;
        do {
            if (calls.unsure().filter(SlackCalls.Effect::mayLookUp).isEmpty()) {
                throw new SlackCalls.Transient(Optional.empty(), "conversations.list: still looking for " + what
                        + " after " + SlackCalls.Effect.LOOKUP);
            }
            String page = cursor;
            var res = calls.call("conversations.list", () -> calls.methods().conversationsList(r -> r
                    .types(types).excludeArchived(true).limit(1000).cursor(page)));
            if (!res.isOk() || res.getChannels() == null) return Optional.empty();
            Optional<Conversation> found = res.getChannels().stream().filter(matches).findFirst();
            if (found.isPresent()) return found;
            cursor = res.getResponseMetadata() == null ? null : res.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return Optional.empty();
    }

    private Optional<String> conversation(String channel) {
        if (channel.matches("[CGD][A-Z0-9]+")) return Optional.of(channel);
        if (channel.matches("[UW][A-Z0-9]+")) {
            var res = calls.call("conversations.open", () -> calls.methods().conversationsOpen(r -> r.users(List.of(channel))));
            return res.isOk() && res.getChannel() != null ? Optional.of(res.getChannel().getId()) : Optional.empty();
        }
        return calls.channelIdOf(channel).or(() -> named(channel));
    }

    /** A channel the policy names by {@code #name}, found among those the bot may see; remembered once found. */
    private Optional<String> named(String name) {
        Optional<String> id = listed(name, List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL),
                c -> SlackCalls.channelName(name).equals(c.getName())).map(Conversation::getId);
        id.ifPresent(found -> calls.learn(name, found));
        return id;
    }
}
