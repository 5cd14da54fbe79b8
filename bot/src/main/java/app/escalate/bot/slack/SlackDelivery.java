package app.escalate.bot.slack;

import app.escalate.bot.render.CaseCard;
import app.escalate.bot.render.CaseMessages;
import app.escalate.bot.render.Mrkdwn;
import app.escalate.bot.render.SlackMessage;
import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.ChannelName;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;
import app.escalate.storage.DeliveryOutcome;
import app.escalate.storage.JdbiCaseStore;
import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.webhook.WebhookResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Performs one outbox effect with Slack's Web API and says how it went. Every response's
 * {@code ok} is checked; errors that pass (rate limits, Slack's own faults, the network) are
 * retried, the rest are given up on with Slack's reason.
 */
public final class SlackDelivery {
    private static final Logger log = LoggerFactory.getLogger(SlackDelivery.class);
    /** Slack's own error codes that mean "try again later". */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "team_added_to_org");
    private static final int MAX_NAME_ATTEMPTS = 10;

    private final Slack slack;
    private final MethodsClient methods;
    private final JdbiCaseStore cases;
    private final Policy policy;
    private final CaseMessages messages;
    private final Gson gson = new Gson();

    private final Clock clock;
    /** Slack rate-limits per method: after a 429, no call of that method until Retry-After has passed. */
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

    private final ResponseUrls responseUrls;

    public SlackDelivery(Slack slack, String botToken, JdbiCaseStore cases, Policy policy, Clock clock, URI apiUrl) {
        this.clock = clock;
        this.responseUrls = new ResponseUrls(apiUrl);
        this.slack = slack;
        this.methods = slack.methods(botToken);
        this.cases = cases;
        this.policy = policy;
        this.messages = new CaseMessages(policy);
    }

    public DeliveryAttempt deliver(SlackEffect effect) {
        try {
            if (effect instanceof SlackEffect.CreateChannel e) return createChannel(e);
            if (effect instanceof SlackEffect.InviteToChannel e) return invite(e);
            if (effect instanceof SlackEffect.PostCaseCard e) return postCard(e);
            if (effect instanceof SlackEffect.PinCaseCard e) return pinCard(e);
            if (effect instanceof SlackEffect.TellReporter e) return tellReporter(e);
            if (effect instanceof SlackEffect.Whisper e) return whisper(e);
            if (effect instanceof SlackEffect.Page e) return page(e);
            if (effect instanceof SlackEffect.TeamNotice e) return teamNotice(e);
            if (effect instanceof SlackEffect.PostRunbook e) return postRunbook(e);
            if (effect instanceof SlackEffect.UpdateCaseCard e) return updateCard(e);
            if (effect instanceof SlackEffect.SetChannelTopic e) return setTopic(e);
            if (effect instanceof SlackEffect.Announce e) return post(e.caseId(), SlackMessage.text(messages.events().line(e.event())));
            if (effect instanceof SlackEffect.BriefGroup e) {
                return post(e.caseId(), messages.briefing(theFile(e.caseId()), e.group(), e.members(), cases.timeline(e.caseId())));
            }
            throw new AssertionError("no delivery for " + effect);
        } catch (Transient t) {
            return new DeliveryAttempt.Retry(t.after, t.getMessage());
        } catch (Refused r) {
            return new DeliveryAttempt.GiveUp(r.getMessage());
        }
    }

    private DeliveryAttempt createChannel(SlackEffect.CreateChannel e) {
        if (theCase(e.caseId()).channel().isPresent()) return sent(); // created on an earlier try
        for (int attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
            String name = attempt == 1 ? e.name() : ChannelName.alternative(e.name(), attempt);
            ConversationsCreateResponse res = call("conversations.create",
                    () -> methods.conversationsCreate(r -> r.name(name).isPrivate(e.isPrivate())));
            if (res.isOk()) {
                CaseChannel channel = new CaseChannel(new ChannelId(res.getChannel().getId()), res.getChannel().getName());
                return new DeliveryAttempt.Delivered(new DeliveryOutcome.ChannelCreated(e.caseId(), channel));
            }
            if (!"name_taken".equals(res.getError())) throw refused("conversations.create", res);
        }
        throw new Refused("conversations.create: every name up to " + ChannelName.alternative(e.name(), MAX_NAME_ATTEMPTS) + " is taken");
    }

    private DeliveryAttempt invite(SlackEffect.InviteToChannel e) {
        CaseChannel channel = channelOf(e.caseId());
        var users = e.users().stream().map(UserId::value).toList();
        var res = call("conversations.invite", () -> methods.conversationsInvite(r -> r.channel(channel.id().value()).users(users)));
        if (res.isOk() || "already_in_channel".equals(res.getError()) || "cant_invite_self".equals(res.getError())) return sent();
        throw refused("conversations.invite", res);
    }

    private DeliveryAttempt postCard(SlackEffect.PostCaseCard e) {
        CaseChannel channel = channelOf(e.caseId());
        SlackMessage card = CaseCard.of(theFile(e.caseId()), policy);
        ChatPostMessageResponse res = call("chat.postMessage", () -> methods.chatPostMessage(r -> r
                .channel(channel.id().value()).text(card.text()).blocks(card.blocks())));
        if (!res.isOk()) throw refused("chat.postMessage", res);
        return new DeliveryAttempt.Delivered(new DeliveryOutcome.CardPosted(e.caseId(), res.getTs()));
    }

    /** The pinned card, re-rendered from the case as it is now; several queued updates all show the latest. */
    private DeliveryAttempt updateCard(SlackEffect.UpdateCaseCard e) {
        CaseChannel channel = channelOf(e.caseId());
        String ts = cases.cardTs(e.caseId()).orElseThrow(() -> new Refused("chat.update: the card of " + e.caseId() + " was never posted"));
        SlackMessage card = CaseCard.of(theFile(e.caseId()), policy);
        var res = call("chat.update", () -> methods.chatUpdate(r -> r.channel(channel.id().value()).ts(ts)
                .text(card.text()).blocks(card.blocks())));
        if (res.isOk()) return sent();
        throw refused("chat.update", res);
    }

    private DeliveryAttempt setTopic(SlackEffect.SetChannelTopic e) {
        CaseChannel channel = channelOf(e.caseId());
        String topic = CaseCard.topic(theCase(e.caseId()));
        var res = call("conversations.setTopic", () -> methods.conversationsSetTopic(r -> r.channel(channel.id().value()).topic(topic)));
        if (res.isOk()) return sent();
        throw refused("conversations.setTopic", res);
    }

    private DeliveryAttempt postRunbook(SlackEffect.PostRunbook e) {
        Case c = theCase(e.caseId());
        CaseType type = c.caseType().flatMap(policy::caseType)
                .orElseThrow(() -> new Refused("no runbook for " + e.caseId() + ": its case type is no longer in the policy"));
        return post(e.caseId(), messages.runbook(type));
    }

    private DeliveryAttempt post(CaseId id, SlackMessage message) {
        return postTo(channelOf(id).id().value(), message);
    }

    /** A message to a channel, a user (as a direct message) or the team channel by name. */
    private DeliveryAttempt postTo(String channel, SlackMessage message) {
        var res = call("chat.postMessage", () -> methods.chatPostMessage(r -> r.channel(channel)
                .text(message.text()).blocks(message.blocks().isEmpty() ? null : message.blocks())));
        if (res.isOk()) return sent();
        throw refused("chat.postMessage", res);
    }

    private DeliveryAttempt pinCard(SlackEffect.PinCaseCard e) {
        CaseChannel channel = channelOf(e.caseId());
        String ts = cases.cardTs(e.caseId()).orElseThrow(() -> new Refused("pins.add: the card of " + e.caseId() + " was never posted"));
        var res = call("pins.add", () -> methods.pinsAdd(r -> r.channel(channel.id().value()).timestamp(ts)));
        if (res.isOk() || "already_pinned".equals(res.getError())) return sent();
        throw refused("pins.add", res);
    }

    /** The response URL keeps the answer where the command was typed; past its 30 minutes, a DM. */
    private DeliveryAttempt tellReporter(SlackEffect.TellReporter e) {
        Optional<CaseChannel> channel = theCase(e.caseId()).channel();
        String text = channel.map(ch -> "*" + e.caseId() + "* is ready: " + Mrkdwn.channel(ch.id().value())
                        + " (you're in it; the case card is pinned there).")
                .orElse("*" + e.caseId() + "* is recorded, but Slack refused to create its channel, so work it from here "
                        + "for now (`/esc status " + e.caseId() + "`) and ask a Slack admin to check the bot's permissions.");
        if (e.responseUrl().isPresent() && respond(e.responseUrl().get(), text)) return sent();
        return postTo(e.reporter().value(), SlackMessage.text(text));
    }

    /** A notice for the team channel (named in the policy by name or id); plain text, escaped here. */
    private DeliveryAttempt teamNotice(SlackEffect.TeamNotice e) {
        return postTo(e.channel(), SlackMessage.text(":warning: " + Mrkdwn.escape(e.text())));
    }

    /** A direct message to the person on call, naming the case and its channel. */
    private DeliveryAttempt page(SlackEffect.Page e) {
        Case c = theCase(e.caseId());
        String text = ":rotating_light: You're " + e.level() + " on call (" + Mrkdwn.escape(e.rotation()) + ") and "
                + CaseCard.headline(c) + " " + Mrkdwn.escape(c.title()) + " needs you"
                + c.channel().map(ch -> ": " + Mrkdwn.channel(ch.id().value())).orElse(".")
                + " `/esc ack` there to take it.";
        return postTo(e.user().value(), SlackMessage.text(text));
    }

    /** A reply to a click: where they clicked while the response URL lasts, else an ephemeral message in the channel. */
    private DeliveryAttempt whisper(SlackEffect.Whisper e) {
        String text = Mrkdwn.escape(e.text());
        if (e.responseUrl().isPresent() && respond(e.responseUrl().get(), text)) return sent();
        var res = call("chat.postEphemeral", () -> methods.chatPostEphemeral(r -> r.channel(e.channel().value())
                .user(e.user().value()).text(text)));
        if (res.isOk()) return sent();
        throw refused("chat.postEphemeral", res);
    }

    /** Posts an ephemeral reply to a response URL; false when the URL has expired, is unknown or is not Slack's. */
    private boolean respond(String responseUrl, String text) {
        if (!responseUrls.trusted(responseUrl)) {
            log.warn("outbox: ignoring a response URL that is not Slack's; replying another way");
            return false;
        }
        WebhookResponse res;
        try {
            res = slack.send(responseUrl, gson.toJson(Map.of("response_type", "ephemeral", "replace_original", false, "text", text)));
        } catch (IOException io) {
            throw new Transient(Optional.empty(), "response_url: " + io.getMessage());
        }
        int code = res.getCode();
        if (code >= 200 && code < 300) return true;
        if (code == 429 || code >= 500) throw new Transient(Optional.empty(), "response_url: HTTP " + code);
        return false;
    }

    private CaseFile theFile(CaseId id) {
        return cases.file(id).orElseThrow(() -> new Refused("no case " + id));
    }

    private Case theCase(CaseId id) {
        return cases.find(id).orElseThrow(() -> new Refused("no case " + id));
    }

    private CaseChannel channelOf(CaseId id) {
        return theCase(id).channel().orElseThrow(() -> new Refused(id + " has no channel (its creation failed)"));
    }

    private static DeliveryAttempt sent() {
        return new DeliveryAttempt.Delivered(new DeliveryOutcome.Sent());
    }

    private static Refused refused(String method, SlackApiTextResponse res) {
        return new Refused(method + ": " + res.getError());
    }

    private interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
        Instant now = clock.instant();
        Instant paused = pausedUntil.get(method);
        if (paused != null && now.isBefore(paused)) {
            throw new Transient(Optional.of(Duration.between(now, paused)), method + ": paused after a 429");
        }
        try {
            T res = call.run();
            if (!res.isOk() && TRANSIENT.contains(res.getError())) throw new Transient(Optional.empty(), method + ": " + res.getError());
            return res;
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                Optional<Duration> wait = retryAfter(e.getResponse().header("Retry-After"));
                pausedUntil.put(method, now.plus(wait.orElseThrow()));
                throw new Transient(wait, method + ": rate limited (429)");
            }
            if (code >= 500 || code == 408) throw new Transient(Optional.empty(), method + ": HTTP " + code);
            throw new Refused(method + ": HTTP " + code);
        } catch (IOException e) {
            throw new Transient(Optional.empty(), method + ": " + e);
        }
    }

    static Optional<Duration> retryAfter(String header) {
        if (header == null) return Optional.of(Duration.ofSeconds(1));
        try {
            return Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim()))));
        } catch (NumberFormatException e) {
            return Optional.of(Duration.ofSeconds(1));
        }
    }

    private static final class Transient extends RuntimeException {
        final Optional<Duration> after;

        Transient(Optional<Duration> after, String reason) {
            super(reason, null, false, false);
            this.after = after;
        }
    }

    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
