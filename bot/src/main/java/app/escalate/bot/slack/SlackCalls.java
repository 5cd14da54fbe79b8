package app.escalate.bot.slack;

import app.escalate.bot.render.SlackMessage;
import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.webhook.WebhookResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slack Web API calls as the outbox needs them: every response's {@code ok} checked, Slack's own
 * faults and the network thrown as {@link Transient} (retry), a 429 pausing the whole method until
 * Retry-After has passed, and everything else thrown as {@link Refused} (give up, with Slack's reason).
 */
final class SlackCalls {
    private static final Logger log = LoggerFactory.getLogger(SlackCalls.class);
    /** Slack's own error codes that mean "try again later". */
    static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "team_added_to_org");

    /** Slack's answers for a channel the bot cannot post in at all, or an ephemeral for someone who is not in it. */
    private static final Set<String> NOT_THERE = Set.of("not_in_channel", "channel_not_found", "is_archived", "user_not_in_channel");

    private final Slack slack;
    private final MethodsClient methods;
    private final Clock clock;
    private final ResponseUrls responseUrls;
    /** Snake case, as Slack reads Block Kit. */
    private final Gson gson = com.slack.api.util.json.GsonFactory.createSnakeCase();
    /** Slack rate-limits per method: after a 429, no call of that method until Retry-After has passed. */
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();
    /** The outbox effect this thread is delivering: its id marks what it posts. */
    private final ThreadLocal<Effect> delivering = new ThreadLocal<>();
    private final EarlierTries earlier = new EarlierTries(this);
    /**
     * Channels the policy names by {@code #name}, with the ids Slack answered for them: a post by
     * name that may have been made already is looked for in its channel's history by id.
     */
    private final Map<String, String> channelIds = new ConcurrentHashMap<>();

    /** An outbox effect being delivered (its row id and what it is), and whether an earlier try may already have done it. */
    record Effect(long id, String what, boolean mayBeDone, long lookUntilNanos) {
        /**
         * Looking for what an earlier try did stops a minute into the try, so that with its Slack
         * calls the try ends inside its outbox lease and no other worker takes it over meanwhile.
         */
        static final Duration LOOKUP = Duration.ofSeconds(60);

        Effect(long id, String what, boolean mayBeDone) {
            this(id, what, mayBeDone, System.nanoTime() + LOOKUP.toNanos());
        }

        boolean mayLookUp() {
            return System.nanoTime() - lookUntilNanos < 0;
        }
    }

    private volatile String botUser;

    /** The bot's own user id, from auth.test, asked once. */
    String botUser() {
        String known = botUser;
        if (known != null) return known;
        var res = call("auth.test", () -> methods.authTest(r -> r));
        if (!res.isOk() || res.getUserId() == null) throw refused("auth.test", res);
        botUser = res.getUserId();
        return botUser;
    }

    SlackCalls(Slack slack, String botToken, Clock clock, ResponseUrls responseUrls) {
        this.slack = slack;
        this.methods = slack.methods(botToken);
        this.clock = clock;
        this.responseUrls = responseUrls;
    }

    MethodsClient methods() {
        return methods;
    }

    /** Runs {@code delivery} as outbox effect {@code effect}'s try. */
    <T> T delivering(Effect effect, java.util.function.Supplier<T> delivery) {
        delivering.set(effect);
        try {
            return delivery.get();
        } finally {
            delivering.remove();
        }
    }

    /** The effect in delivery, when an earlier try of it may already have been done. */
    Optional<Effect> unsure() {
        return Optional.ofNullable(delivering.get()).filter(Effect::mayBeDone);
    }

    EarlierTries earlier() {
        return earlier;
    }

    interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }

    <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
        Instant now = clock.instant();
        Instant paused = pausedUntil.get(method);
        if (paused != null && now.isBefore(paused)) {
            throw new Transient(Optional.of(Duration.between(now, paused)), method + ": paused after a 429", false);
        }
        try {
            T res = call.run();
            if (!res.isOk() && TRANSIENT.contains(res.getError())) {
                throw new Transient(Optional.empty(), method + ": " + res.getError(), !"ratelimited".equals(res.getError()));
            }
            return res;
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                Optional<Duration> wait = retryAfter(e.getResponse().header("Retry-After"));
                // Counted from Slack's answer, not from the call: a slow 429 must not shorten the wait.
                pausedUntil.put(method, clock.instant().plus(wait.orElseThrow()));
                throw new Transient(wait, method + ": rate limited (429)", false);
            }
            if (code >= 500 || code == 408) throw new Transient(Optional.empty(), method + ": HTTP " + code);
            throw new Refused(method + ": HTTP " + code);
        } catch (IOException e) {
            throw new Transient(Optional.empty(), method + ": " + e, !(e instanceof java.net.ConnectException)); // refused: never sent
        }
    }

    /** A message to a channel, a user (as a direct message) or a channel by name; returns its timestamp. */
    String postTo(String channel, SlackMessage message) {
        return post(channel, message).ts();
    }

    /** Where Slack put a message: the channel's id (a direct message's {@code D…} for a user) and the message's timestamp. */
    record Posted(String channel, String ts) {
    }

    /** Like {@link #postTo}, saying where the message went as well. */
    Posted post(String channel, SlackMessage message) {
        Optional<Posted> before = unsure().flatMap(effect -> earlier.posted(channel, effect));
        if (before.isPresent()) {
            log.info("outbox: effect {} was already posted before a restart; not posting it again", delivering.get().id());
            return before.get();
        }
        Effect effect = delivering.get();
        // No previews: a case's evidence (a deepfake's video, a scam page) must not play or load in the channel.
        var res = call("chat.postMessage", () -> methods.chatPostMessage(r -> r.channel(channel)
                .text(message.text()).blocks(message.blocks().isEmpty() ? null : message.blocks())
                .unfurlLinks(false).unfurlMedia(false)
                .metadata(effect == null ? null : EarlierTries.mark(effect))));
        if (res.isOk()) {
            if (res.getChannel() != null && !channel.equals(res.getChannel())) learn(channel, res.getChannel());
            return new Posted(res.getChannel() == null ? channel : res.getChannel(), res.getTs());
        }
        throw refused("chat.postMessage", res);
    }

    /** The name a channel is given by in the policy, without its {@code #}. */
    static String channelName(String name) {
        return name.startsWith("#") ? name.substring(1) : name;
    }

    Optional<String> channelIdOf(String name) {
        return Optional.ofNullable(channelIds.get(channelName(name)));
    }

    void learn(String name, String id) {
        if (id.matches("[CG][A-Z0-9]+")) channelIds.put(channelName(name), id);
    }

    /** Posts an ephemeral reply to a response URL; false when the URL has expired, is unknown or is not Slack's. */
    boolean respond(String responseUrl, String text) {
        return respond(responseUrl, SlackMessage.text(text));
    }

    /**
     * An ephemeral message only {@code user} sees in {@code channel}. Where Slack takes none from
     * the bot (a channel it was never invited to, a private one it cannot see, an archived one),
     * a direct message instead: the person asked there, and the answer must still reach them.
     */
    void postEphemeral(String channel, String user, SlackMessage message) {
        var res = call("chat.postEphemeral", () -> methods.chatPostEphemeral(r -> r.channel(channel).user(user)
                .text(message.text()).blocks(message.blocks().isEmpty() ? null : message.blocks())));
        if (res.isOk()) return;
        if (!NOT_THERE.contains(res.getError())) throw refused("chat.postEphemeral", res);
        log.info("outbox: Slack takes no ephemeral message from the bot in {} ({}); sending it by direct message", channel, res.getError());
        postTo(user, message);
    }

    /** Like {@link #respond(String, String)}, with blocks. */
    boolean respond(String responseUrl, SlackMessage message) {
        if (!responseUrls.trusted(responseUrl)) {
            log.warn("outbox: ignoring a response URL that is not Slack's; replying another way");
            return false;
        }
        WebhookResponse res;
        try {
            Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("response_type", "ephemeral", "replace_original", false,
                    "text", message.text()));
            if (!message.blocks().isEmpty()) body.put("blocks", message.blocks());
            res = slack.send(responseUrl, gson.toJson(body));
        } catch (IOException io) {
            throw new Transient(Optional.empty(), "response_url: " + io.getMessage());
        }
        int code = res.getCode();
        if (code >= 200 && code < 300) return true;
        if (code == 429 || code >= 500) throw new Transient(Optional.empty(), "response_url: HTTP " + code, code != 429);
        return false;
    }

    static Optional<Duration> retryAfter(String header) {
        if (header == null) return Optional.of(Duration.ofSeconds(1));
        try {
            return Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim()))));
        } catch (NumberFormatException e) {
            return Optional.of(Duration.ofSeconds(1));
        }
    }

    static Refused refused(String method, SlackApiTextResponse res) {
        return new Refused(method + ": " + res.getError() + (res.getNeeded() == null ? "" : " (needed: " + res.getNeeded() + ")"),
                Optional.ofNullable(res.getError()), Optional.ofNullable(res.getNeeded()));
    }

    /** Worth retrying: Slack's own fault, a rate limit (with how long to wait), or the network. */
    static final class Transient extends RuntimeException {
        final Optional<Duration> after;
        /** Slack may have done it anyway (a timeout or its own error), as opposed to a rate limit, which does nothing. */
        final boolean mayBeDone;

        /** A failure after which Slack may or may not have done the call. */
        Transient(Optional<Duration> after, String reason) {
            this(after, reason, true);
        }

        Transient(Optional<Duration> after, String reason, boolean mayBeDone) {
            super(reason, null, false, false);
            this.after = after;
            this.mayBeDone = mayBeDone;
        }
    }

    /** Retrying cannot help: Slack said no, or what the effect needs is gone. */
    static final class Refused extends RuntimeException {
        /** Slack's error code, when it was Slack that said no; and the scope it named as missing. */
        final Optional<String> error;
        final Optional<String> needed;
        /** The people Slack refused, when it refused some of those a call named (an invite). */
        final List<String> users;

        Refused(String reason) {
            this(reason, Optional.empty(), Optional.empty());
        }

        Refused(String reason, Optional<String> error, Optional<String> needed) {
            this(reason, error, needed, List.of());
        }

        Refused(String reason, Optional<String> error, Optional<String> needed, List<String> users) {
            super(reason, null, false, false);
            this.error = error;
            this.needed = needed;
            this.users = List.copyOf(users);
        }
    }
}
