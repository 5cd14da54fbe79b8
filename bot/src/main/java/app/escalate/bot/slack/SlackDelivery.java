package app.escalate.bot.slack;

import app.escalate.bot.outbox.Delivery;
import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.bot.render.PageMessage;
import app.escalate.bot.render.CaseCard;
import app.escalate.bot.render.CaseMessages;
import app.escalate.bot.render.Mrkdwn;
import app.escalate.bot.render.PatternMessage;
import app.escalate.bot.render.ReviewMessage;
import app.escalate.bot.render.RunbookQuestion;
import app.escalate.bot.render.SignOffRequest;
import app.escalate.bot.render.SimilarMessage;
import app.escalate.bot.render.SlackMessage;
import app.escalate.bot.render.TriageMessage;
import app.escalate.commands.Case;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.PersonPage;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.ChannelName;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.intake.MachineReport;
import app.escalate.commands.search.TimeToMitigate;
import app.escalate.commands.UserId;
import app.escalate.commands.handoff.HandoffStore;
import app.escalate.commands.handoff.ShiftReminderStore;
import app.escalate.commands.summary.DraftStore;
import app.escalate.commands.swap.SwapStore;
import app.escalate.config.CaseType;
import app.escalate.config.DecisionTree;
import app.escalate.config.Policy;
import app.escalate.storage.DeliveryOutcome;
import app.escalate.storage.JdbiCaseStore;
import app.escalate.storage.OutboxEntry;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsInviteResponse;

import java.util.function.Function;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Performs one outbox effect with Slack's Web API and says how it went: errors that pass (rate
 * limits, Slack's own faults, the network) are retried, the rest are given up on with Slack's
 * reason (see {@link SlackCalls}), which whoever acted is told ({@link RefusalNotices}). Handoff
 * effects are {@link HandoffDelivery}'s, swap requests' {@link SwapDelivery}'s.
 */
public final class SlackDelivery implements Delivery {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SlackDelivery.class);
    private static final int MAX_NAME_ATTEMPTS = 10;
    /** What Slack answers for someone who needs no invite: already in the channel, or the bot itself. */
    private static final java.util.Set<String> IN_ALREADY = java.util.Set.of("already_in_channel", "cant_invite_self");

    private final SlackCalls calls;
    private final MethodsClient methods;
    private final JdbiCaseStore cases;
    private final Policy policy;
    private final CaseMessages messages;
    private final HandoffDelivery handoffs;
    private final ShiftReminderDelivery shiftReminders;
    private final SwapDelivery swaps;

    private final DraftDelivery drafts;
    private final TagOfferDelivery tagOffers;
    private final StatsChartDelivery charts;
    private final DirectMessageFiles files;
    private final RefusalNotices notices;
    /** Which machine raised a case and how often it reported it, for the card. */
    private final Function<CaseId, Optional<MachineReport>> machineReports;

    public SlackDelivery(Slack slack, String botToken, JdbiCaseStore cases, HandoffStore handoffStore, ShiftReminderStore reminderStore,
                         DraftStore draftStore, SwapStore swapStore, Policy policy, Clock clock, URI apiUrl) {
        this(slack, botToken, cases, handoffStore, reminderStore, draftStore, swapStore, policy, clock, apiUrl, id -> Optional.empty());
    }

    public SlackDelivery(Slack slack, String botToken, JdbiCaseStore cases, HandoffStore handoffStore, ShiftReminderStore reminderStore,
                         DraftStore draftStore, SwapStore swapStore, Policy policy, Clock clock, URI apiUrl,
                         Function<CaseId, Optional<MachineReport>> machineReports) {
        this.machineReports = machineReports;
        this.calls = new SlackCalls(slack, botToken, clock, new ResponseUrls(apiUrl));
        this.methods = calls.methods();
        this.cases = cases;
        this.policy = policy;
        this.messages = new CaseMessages(policy);
        this.handoffs = new HandoffDelivery(calls, handoffStore, policy);
        this.shiftReminders = new ShiftReminderDelivery(calls, reminderStore, policy, clock);
        this.swaps = new SwapDelivery(calls, swapStore, policy);
        this.drafts = new DraftDelivery(calls, draftStore, cases, clock);
        this.tagOffers = new TagOfferDelivery(calls, draftStore, cases, policy);
        this.charts = new StatsChartDelivery(calls, cases, policy, clock);
        this.files = new DirectMessageFiles(calls);
        this.notices = new RefusalNotices(cases, clock);
    }

    /** Delivers a leased outbox entry, looking first for what an earlier, unanswered try did. */
    @Override
    public DeliveryAttempt deliver(OutboxEntry entry) {
        String what = entry.effect().getClass().getSimpleName() + " " + entry.effect().subject();
        return calls.delivering(new SlackCalls.Effect(entry.id(), what, entry.mayBeDone()), () -> deliver(entry.effect()));
    }

    private DeliveryAttempt deliver(SlackEffect effect) {
        try {
            if (effect instanceof SlackEffect.CreateChannel e) return createChannel(e);
            if (effect instanceof SlackEffect.InviteToChannel e) return invite(e);
            if (effect instanceof SlackEffect.PostCaseCard e) return postCard(e);
            if (effect instanceof SlackEffect.PinCaseCard e) return pinCard(e);
            if (effect instanceof SlackEffect.TellReporter e) return tellReporter(e);
            if (effect instanceof SlackEffect.Whisper e) return whisper(e);
            if (effect instanceof SlackEffect.OfferTags e) return tagOffers.offer(e);
            if (effect instanceof SlackEffect.Page e) return page(e);
            if (effect instanceof SlackEffect.AdHocPage e) return adHocPage(e);
            if (effect instanceof SlackEffect.TeamNotice e) return teamNotice(e);
            if (effect instanceof SlackEffect.Notify e) return postTo(e.user().value(), SlackMessage.text(e.text()));
            if (effect instanceof SlackEffect.ReviewReminder e) return postTo(e.channel(), SlackMessage.text(ReviewMessage.reminder(e)));
            if (effect instanceof SlackEffect.PatternAlert e) return postTo(e.channel(), SlackMessage.text(PatternMessage.of(e, id -> cases.find(id))));
            if (effect instanceof SlackEffect.PostRunbook e) return postRunbook(e);
            if (effect instanceof SlackEffect.AskRunbook e) return askRunbook(e);
            if (effect instanceof SlackEffect.ShowTriage e) return post(e.caseId(), triageMessage(e.caseId()));
            if (effect instanceof SlackEffect.UpdateTriage e) return updateTriage(e);
            if (effect instanceof SlackEffect.ShowSimilar e) return showSimilar(e);
            if (effect instanceof SlackEffect.UpdateSimilar e) return updateSimilar(e);
            if (effect instanceof SlackEffect.RequestSignOff e) return post(e.caseId(), signOffRequest(e.caseId(), e.decision()));
            if (effect instanceof SlackEffect.UpdateSignOff e) return updateSignOff(e);
            if (effect instanceof SlackEffect.UpdateCaseCard e) return updateCard(e);
            if (effect instanceof SlackEffect.SetChannelTopic e) return setTopic(e);
            if (effect instanceof SlackEffect.Announce e) return post(e.caseId(), SlackMessage.text(messages.events().line(e.event())));
            if (effect instanceof SlackEffect.PostHandoff e) return handoffs.post(e);
            if (effect instanceof SlackEffect.HandoffNotice e) return handoffs.notice(e);
            if (effect instanceof SlackEffect.PostShiftReminder e) return shiftReminders.post(e);
            if (effect instanceof SlackEffect.SwapNotice e) return swaps.deliver(e);
            if (effect instanceof SlackEffect.Respond e) return handoffs.respond(e);
            if (effect instanceof SlackEffect.ShowDraft e) return drafts.show(e);
            if (effect instanceof SlackEffect.UploadStatsChart e) return charts.upload(e);
            if (effect instanceof SlackEffect.SendFile e) return files.send(e);
            if (effect instanceof SlackEffect.FairnessPost e) return postTo(e.channel(), SlackMessage.text(e.text()));
            if (effect instanceof SlackEffect.PostDraft e) return drafts.post(e);
            if (effect instanceof SlackEffect.DraftReply e) return drafts.reply(e);
            if (effect instanceof SlackEffect.ConfirmPosted e) return drafts.confirm(e);
            if (effect instanceof SlackEffect.Job e) throw new AssertionError("a job is not a Slack call: " + e);
            if (effect instanceof SlackEffect.ExecUpdateDue e) return drafts.execUpdateDue(e);
            if (effect instanceof SlackEffect.BriefGroup e) {
                return post(e.caseId(), messages.briefing(theFile(e.caseId()), e.group(), e.members(), cases.timeline(e.caseId())));
            }
            throw new AssertionError("no delivery for " + effect);
        } catch (SlackCalls.Transient t) {
            return new DeliveryAttempt.Retry(t.after, t.getMessage(), t.mayBeDone);
        } catch (SlackCalls.Refused r) {
            return new DeliveryAttempt.GiveUp(r.getMessage(), notices.after(effect, r));
        }
    }

    private DeliveryAttempt createChannel(SlackEffect.CreateChannel e) {
        if (theCase(e.caseId()).channel().isPresent()) return DeliveryAttempt.sent(); // created on an earlier try
        for (int attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
            String name = attempt == 1 ? e.name() : ChannelName.alternative(e.name(), attempt);
            ConversationsCreateResponse res = call("conversations.create",
                    () -> methods.conversationsCreate(r -> r.name(name).isPrivate(e.isPrivate())));
            if (res.isOk()) {
                CaseChannel channel = new CaseChannel(new ChannelId(res.getChannel().getId()), res.getChannel().getName());
                return DeliveryAttempt.sent(new DeliveryOutcome.ChannelCreated(e.caseId(), channel));
            }
            if (!"name_taken".equals(res.getError())) throw refused("conversations.create", res);
            // Taken by the earlier try of this very effect, whose answer was lost with its process: adopt it.
            if (calls.unsure().isPresent()) {
                Optional<CaseChannel> ours = calls.earlier().channelNamed(name, e.isPrivate());
                if (ours.isPresent()) {
                    log.info("outbox: {} was created for {} by a try whose answer was lost; using it", name, e.caseId());
                    return DeliveryAttempt.sent(new DeliveryOutcome.ChannelCreated(e.caseId(), ours.get()));
                }
            }
        }
        throw new SlackCalls.Refused("conversations.create: every name up to " + ChannelName.alternative(e.name(), MAX_NAME_ATTEMPTS) + " is taken");
    }

    /**
     * Invites as many of the users as Slack lets in. Slack invites all or none: when one cannot be
     * invited it refuses the call, naming each one's reason, so those already in are dropped and
     * the rest asked again. Anyone it will not let in (a guest, an account gone) is named when
     * giving up, once the others are in.
     */
    private DeliveryAttempt invite(SlackEffect.InviteToChannel e) {
        CaseChannel channel = channelOf(e.caseId());
        List<String> users = new ArrayList<>(e.users().stream().map(UserId::value).toList());
        List<ConversationsInviteResponse.Error> refusals = new ArrayList<>();
        while (!users.isEmpty()) {
            List<String> asked = List.copyOf(users);
            var res = call("conversations.invite", () -> methods.conversationsInvite(r -> r.channel(channel.id().value()).users(asked)));
            if (res.isOk()) break;
            List<ConversationsInviteResponse.Error> each = res.getErrors() == null ? List.of() : res.getErrors();
            if (each.isEmpty() && asked.size() == 1 && IN_ALREADY.contains(res.getError())) break;
            each.forEach(error -> users.remove(error.getUser()));
            if (users.size() == asked.size()) throw refused("conversations.invite", res);   // not about the users: the channel, a scope
            each.stream().filter(error -> !IN_ALREADY.contains(error.getError())).forEach(refusals::add);
        }
        if (refusals.isEmpty()) return DeliveryAttempt.sent();
        throw new SlackCalls.Refused("conversations.invite: Slack would not let in " + refusals.stream()
                .map(r -> r.getUser() + " (" + r.getError() + ")").collect(java.util.stream.Collectors.joining(", ")),
                Optional.of(refusals.get(0).getError()), Optional.empty(), refusals.stream().map(ConversationsInviteResponse.Error::getUser).toList());
    }

    private DeliveryAttempt postCard(SlackEffect.PostCaseCard e) {
        CaseChannel channel = channelOf(e.caseId());
        String ts = calls.postTo(channel.id().value(), CaseCard.of(theFile(e.caseId()), policy, machineReports.apply(e.caseId())));
        return DeliveryAttempt.sent(new DeliveryOutcome.CardPosted(e.caseId(), ts));
    }

    /** The pinned card, re-rendered from the case as it is now; several queued updates all show the latest. */
    private DeliveryAttempt updateCard(SlackEffect.UpdateCaseCard e) {
        CaseChannel channel = channelOf(e.caseId());
        String ts = cases.cardTs(e.caseId()).orElseThrow(() -> new SlackCalls.Refused("chat.update: the card of " + e.caseId() + " was never posted"));
        SlackMessage card = CaseCard.of(theFile(e.caseId()), policy, machineReports.apply(e.caseId()));
        var res = call("chat.update", () -> methods.chatUpdate(r -> r.channel(channel.id().value()).ts(ts)
                .text(card.text()).blocks(card.blocks())));
        if (res.isOk()) return DeliveryAttempt.sent();
        throw refused("chat.update", res);
    }

    private DeliveryAttempt setTopic(SlackEffect.SetChannelTopic e) {
        CaseChannel channel = channelOf(e.caseId());
        String topic = CaseCard.topic(theCase(e.caseId()));
        var res = call("conversations.setTopic", () -> methods.conversationsSetTopic(r -> r.channel(channel.id().value()).topic(topic)));
        if (res.isOk()) return DeliveryAttempt.sent();
        throw refused("conversations.setTopic", res);
    }

    private DeliveryAttempt postRunbook(SlackEffect.PostRunbook e) {
        Case c = theCase(e.caseId());
        CaseType type = c.caseType().flatMap(policy::caseType)
                .orElseThrow(() -> new SlackCalls.Refused("no runbook for " + e.caseId() + ": its case type is no longer in the policy"));
        return post(e.caseId(), messages.runbook(type));
    }

    private DeliveryAttempt askRunbook(SlackEffect.AskRunbook e) {
        Case c = theCase(e.caseId());
        DecisionTree tree = c.caseType().flatMap(policy::caseType).flatMap(CaseType::tree)
                .orElseThrow(() -> new SlackCalls.Refused("no decision tree for " + e.caseId() + ": its case type no longer has one"));
        if (!tree.questions().containsKey(e.question())) {
            throw new SlackCalls.Refused("the decision tree of " + e.caseId() + " no longer has the question " + e.question());
        }
        return post(e.caseId(), RunbookQuestion.of(e.caseId(), e.question(), tree.question(e.question())));
    }

    /** The suggestion as recorded on the timeline, with the buttons its state still allows. */
    private SlackMessage triageMessage(CaseId id) {
        List<CaseEvent> timeline = cases.timeline(id);
        EventData.TriageSuggested suggested = timeline.stream().flatMap(ev -> ev.as(EventData.TriageSuggested.class).stream()).reduce((a, b) -> b)
                .orElseThrow(() -> new SlackCalls.Refused("no triage suggestion on the timeline of " + id));
        return TriageMessage.of(id, suggested, theFile(id).triage(), policy);
    }

    private DeliveryAttempt updateTriage(SlackEffect.UpdateTriage e) {
        return update(e.caseId(), e.messageTs(), triageMessage(e.caseId()));
    }

    /**
     * The similar cases as found at open, each as it is now; one since made restricted is left out,
     * for the channel's members may not be its. The flag's verdict, once given, replaces its buttons.
     */
    private SlackMessage similarMessage(CaseId id) {
        List<CaseEvent> timeline = cases.timeline(id);
        EventData.SimilarFound found = timeline.stream().flatMap(ev -> ev.as(EventData.SimilarFound.class).stream()).reduce((a, b) -> b)
                .orElseThrow(() -> new SlackCalls.Refused("no similar cases on the timeline of " + id));
        List<SimilarMessage.Shown> shown = new ArrayList<>();
        for (CaseId other : found.similar()) {
            cases.file(other).filter(f -> !f.details().restricted())
                    .ifPresent(f -> shown.add(new SimilarMessage.Shown(f, TimeToMitigate.of(f.details(), cases.timeline(other)))));
        }
        Optional<CaseEvent> verdict = timeline.stream().filter(ev -> ev.data() instanceof EventData.DuplicateJudged).reduce((a, b) -> b);
        return SimilarMessage.of(id, found, shown, verdict, policy);
    }

    private DeliveryAttempt showSimilar(SlackEffect.ShowSimilar e) {
        String ts = calls.postTo(channelOf(e.caseId()).id().value(), similarMessage(e.caseId()));
        return DeliveryAttempt.sent(new DeliveryOutcome.SimilarPosted(e.caseId(), ts));
    }

    /** Not posted yet (or Slack refused it): nothing to redraw; when it is posted, it shows the verdict already. */
    private DeliveryAttempt updateSimilar(SlackEffect.UpdateSimilar e) {
        Optional<String> ts = cases.similarTs(e.caseId());
        return ts.isEmpty() ? DeliveryAttempt.sent() : update(e.caseId(), ts.get(), similarMessage(e.caseId()));
    }

    /** Redraws message {@code ts} in the case's channel as {@code message}. */
    private DeliveryAttempt update(CaseId id, String ts, SlackMessage message) {
        var res = call("chat.update", () -> methods.chatUpdate(r -> r.channel(channelOf(id).id().value()).ts(ts)
                .text(message.text()).blocks(message.blocks())));
        if (res.isOk()) return DeliveryAttempt.sent();
        throw refused("chat.update", res);
    }

    /** The request as the decision stands at delivery: a late one shows the answers already in. */
    private SlackMessage signOffRequest(CaseId id, int decision) {
        return SignOffRequest.of(id, theFile(id).decision(decision)
                .orElseThrow(() -> new SlackCalls.Refused(id + " has no decision #" + decision)), policy);
    }

    private DeliveryAttempt updateSignOff(SlackEffect.UpdateSignOff e) {
        return update(e.caseId(), e.messageTs(), signOffRequest(e.caseId(), e.decision()));
    }

    private DeliveryAttempt post(CaseId id, SlackMessage message) {
        return postTo(channelOf(id).id().value(), message);
    }

    /** A message to a channel, a user (as a direct message) or the team channel by name. */
    private DeliveryAttempt postTo(String channel, SlackMessage message) {
        calls.postTo(channel, message);
        return DeliveryAttempt.sent();
    }

    private DeliveryAttempt pinCard(SlackEffect.PinCaseCard e) {
        CaseChannel channel = channelOf(e.caseId());
        String ts = cases.cardTs(e.caseId()).orElseThrow(() -> new SlackCalls.Refused("pins.add: the card of " + e.caseId() + " was never posted"));
        var res = call("pins.add", () -> methods.pinsAdd(r -> r.channel(channel.id().value()).timestamp(ts)));
        if (res.isOk() || "already_pinned".equals(res.getError())) return DeliveryAttempt.sent();
        throw refused("pins.add", res);
    }

    /** The response URL keeps the answer where the command was typed; past its 30 minutes, a DM. */
    private DeliveryAttempt tellReporter(SlackEffect.TellReporter e) {
        String text = theCase(e.caseId()).channel().map(ch -> "*" + e.caseId() + "* is ready: " + Mrkdwn.channel(ch.id().value())
                        + " (you're in it; the case card is pinned there).")
                .orElseGet(() -> noChannel(e.caseId()));
        if (e.responseUrl().isPresent() && respond(e.responseUrl().get(), text)) return DeliveryAttempt.sent();
        return postTo(e.reporter().value(), SlackMessage.text(text));
    }

    /** A case whose channel Slack would not create: why, from the refusal its timeline recorded, and what to do meanwhile. */
    private String noChannel(CaseId id) {
        Optional<EventData.SlackRefused> why = cases.timeline(id).stream().flatMap(ev -> ev.as(EventData.SlackRefused.class).stream())
                .reduce((a, b) -> b);
        return "*" + id + "* is recorded, but Slack refused to create its channel"
                + why.map(r -> " (`" + Mrkdwn.escape(r.error()) + "`" + r.needed().map(n -> ": the app lacks the scope `"
                + Mrkdwn.escape(n) + "`").orElse("") + ")").orElse("") + ", so work it from here for now (`/esc status " + id
                + "`) and ask a Slack admin to " + (why.flatMap(EventData.SlackRefused::needed).isPresent()
                ? "add that scope to the app and reinstall it." : "check the app's permissions.");
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

    /** The direct message of a page someone asked for, while it is still open: acknowledged or stopped, nothing rings. */
    private DeliveryAttempt adHocPage(SlackEffect.AdHocPage e) {
        CaseFile file = theFile(e.caseId());
        PersonPage page = file.page(e.page()).orElseThrow(() -> new SlackCalls.Refused("no page " + e.page() + " on " + e.caseId()));
        if (!page.isOpen()) return DeliveryAttempt.sent();
        return postTo(page.person().value(), PageMessage.of(file.details(), page));
    }

    /** A reply to a click: where they clicked while the response URL lasts, else an ephemeral message in the channel (or a DM). */
    private DeliveryAttempt whisper(SlackEffect.Whisper e) {
        String text = Mrkdwn.escape(e.text());
        if (e.responseUrl().isPresent() && respond(e.responseUrl().get(), text)) return DeliveryAttempt.sent();
        calls.postEphemeral(e.channel().value(), e.user().value(), SlackMessage.text(text));
        return DeliveryAttempt.sent();
    }

    private CaseFile theFile(CaseId id) {
        return cases.file(id).orElseThrow(() -> new SlackCalls.Refused("no case " + id));
    }

    private Case theCase(CaseId id) {
        return cases.find(id).orElseThrow(() -> new SlackCalls.Refused("no case " + id));
    }

    private CaseChannel channelOf(CaseId id) {
        return theCase(id).channel().orElseThrow(() -> new SlackCalls.Refused(id + " has no channel (its creation failed)"));
    }


    private static SlackCalls.Refused refused(String method, SlackApiTextResponse res) {
        return SlackCalls.refused(method, res);
    }

    private <T extends SlackApiTextResponse> T call(String method, SlackCalls.SlackCall<T> call) {
        return calls.call(method, call);
    }

    private boolean respond(String responseUrl, String text) {
        return calls.respond(responseUrl, text);
    }
}
