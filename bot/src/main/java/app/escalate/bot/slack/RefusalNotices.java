package app.escalate.bot.slack;

import app.escalate.bot.render.Mrkdwn;
import app.escalate.bot.render.RefusalNotice;
import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.storage.FollowUp;
import app.escalate.storage.JdbiCaseStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * When Slack refuses an effect for good, whoever acted is told by direct message (the person whose
 * change it was, or who asked for the chart), and the case's timeline records it. One change often implies several effects that Slack
 * refuses alike (an archived channel refuses the announcement, the card and the topic), so the same
 * refusal of the same case is told to the same person once in {@link #QUIET}.
 */
final class RefusalNotices {
    static final Duration QUIET = Duration.ofMinutes(10);

    private final JdbiCaseStore cases;
    private final Clock clock;
    /** Kept in memory: after a restart a refusal may be told once more, which is harmless. */
    private final Map<String, Instant> told = new ConcurrentHashMap<>();

    RefusalNotices(JdbiCaseStore cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /** The notice to record with giving up on {@code effect}, when Slack refused it and someone acted. */
    FollowUp after(SlackEffect effect, SlackCalls.Refused refused) {
        if (refused.error.isEmpty()) return FollowUp.NONE;    // not Slack's answer (e.g. the channel was never made): told elsewhere
        Optional<Case> c = effect instanceof SlackEffect.OnCase on ? cases.find(on.caseId()) : Optional.empty();
        Optional<UserId> actor = actor(effect, c);
        Optional<String> what = what(effect, refused);
        if (actor.isEmpty() || what.isEmpty() || !actor.get().value().matches("[UW][A-Z0-9]{2,20}")) return FollowUp.NONE;
        Instant now = clock.instant();
        told.values().removeIf(at -> at.isBefore(now.minus(QUIET)));
        String key = actor.get().value() + "|" + c.map(x -> x.id().toString()).orElse(what.get()) + "|" + refused.error.get();
        if (told.putIfAbsent(key, now) != null) return FollowUp.NONE;
        List<CaseEvent> recorded = c.map(x -> List.of(new CaseEvent(x.id(), now.truncatedTo(ChronoUnit.MILLIS), actor.get(),
                new EventData.SlackRefused(what.get(), refused.error.get(), refused.needed)))).orElse(List.of());
        // A channel never made is told where the case was opened, with the reason this records (TellReporter).
        List<SlackEffect> notice = effect instanceof SlackEffect.CreateChannel ? List.of()
                : List.of(new SlackEffect.Notify(actor.get(), RefusalNotice.of(what.get(), c, refused.error.get(), refused.needed)));
        return new FollowUp(recorded, notice);
    }

    /** Whose doing the effect was: the asker, the change's author, else whoever last changed the case. */
    private Optional<UserId> actor(SlackEffect effect, Optional<Case> c) {
        if (effect instanceof SlackEffect.UploadStatsChart e) return Optional.of(e.user());
        if (effect instanceof SlackEffect.SendFile e) return Optional.of(e.user());
        if (effect instanceof SlackEffect.Announce e) return Optional.of(e.event().actor());
        if (c.isEmpty()) return Optional.empty();
        List<CaseEvent> timeline = cases.timeline(c.get().id());
        return timeline.stream().reduce((a, b) -> b.at().isBefore(a.at()) ? a : b).map(CaseEvent::actor);
    }

    /** What failed, as the person would say it; empty for effects whose refusal is told another way. */
    private static Optional<String> what(SlackEffect effect, SlackCalls.Refused refused) {
        String what;
        if (effect instanceof SlackEffect.UploadStatsChart) what = "the stats chart you asked for";
        else if (effect instanceof SlackEffect.SendFile e) what = "the file you asked for (" + Mrkdwn.escape(e.filename()) + ")";
        else if (effect instanceof SlackEffect.Announce) what = "posting your change in the case channel";
        else if (effect instanceof SlackEffect.UpdateCaseCard) what = "updating the pinned case card";
        else if (effect instanceof SlackEffect.SetChannelTopic) what = "setting the case channel's topic";
        else if (effect instanceof SlackEffect.CreateChannel) what = "creating the case channel";
        else if (effect instanceof SlackEffect.PostCaseCard) what = "posting the case card";
        else if (effect instanceof SlackEffect.PinCaseCard) what = "pinning the case card";
        else if (effect instanceof SlackEffect.InviteToChannel e) {
            List<String> who = refused.users.isEmpty() ? e.users().stream().map(UserId::value).toList() : refused.users;
            what = "adding " + who.stream().map(Mrkdwn::user).collect(Collectors.joining(", ")) + " to the case channel";
        } else if (effect instanceof SlackEffect.Page e) what = "paging " + Mrkdwn.user(e.user().value()) + " by direct message";
        else if (effect instanceof SlackEffect.AdHocPage e) what = "sending page " + e.page() + " by direct message";
        else if (effect instanceof SlackEffect.BriefGroup e) what = "briefing " + Mrkdwn.escape(e.group()) + " in the case channel";
        else if (effect instanceof SlackEffect.RequestSignOff e) what = "posting the sign-off request for decision #" + e.decision();
        else if (effect instanceof SlackEffect.UpdateSignOff e) what = "updating the sign-off request for decision #" + e.decision();
        else if (effect instanceof SlackEffect.Whisper || effect instanceof SlackEffect.TellReporter) return Optional.empty(); // replies already
        else if (effect instanceof SlackEffect.OfferTags) return Optional.empty(); // an optional question: nothing was lost
        else if (effect instanceof SlackEffect.OnCase) what = "a message to the case channel";
        else return Optional.empty();
        return Optional.of(what);
    }
}
