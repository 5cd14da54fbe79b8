package app.escalate.commands;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A change in Slack that a decision implies. Effects are written to the outbox in the same
 * transaction as the decision and delivered afterwards, in order per case. They carry ids and
 * facts, not rendered messages: the worker renders from the case as it is at delivery.
 */
public sealed interface SlackEffect {

    /** What the effect is about, for logs: a case id, or what else it concerns. */
    String subject();

    /**
     * The effects of one stream are delivered in order, one at a time; different streams side by
     * side. A case's effects share one, so do a draft's; a reply to a click waits behind nothing.
     * Streams starting with {@link Job#STREAM_PREFIX} are work for the job worker, not Slack calls.
     */
    String stream();

    /** An effect about one case; a case's effects are delivered in order. */
    sealed interface OnCase extends SlackEffect {
        CaseId caseId();

        @java.lang.Override
        default String subject() {
            return caseId().toString();
        }

        @java.lang.Override
        default String stream() {
            return "case:" + caseId().number();
        }
    }

    /** An effect about one draft; a draft's effects are delivered in order (its posts before the confirmation). */
    sealed interface OnDraft extends SlackEffect {
        long draftId();

        @java.lang.Override
        default String subject() {
            return "draft " + draftId();
        }

        @java.lang.Override
        default String stream() {
            return "draft:" + draftId();
        }
    }

    /** An effect about one handoff, delivered in order. */
    sealed interface OnHandoff extends SlackEffect {
        long handoffId();

        @java.lang.Override
        default String subject() {
            return "handoff " + handoffId();
        }

        @java.lang.Override
        default String stream() {
            return "handoff:" + handoffId();
        }
    }

    /** A message for the team channel that belongs to no case. */
    sealed interface ForTeam extends SlackEffect {
        @java.lang.Override
        default String subject() {
            return "team channel";
        }

        @java.lang.Override
        default String stream() {
            return "team";
        }
    }

    /**
     * Work that follows a decision but is not a Slack call, and may be slow (a model's answer):
     * queued with the decision, run by the job worker, retried like an effect. Running one twice
     * must do its work once.
     */
    sealed interface Job extends SlackEffect {
        String STREAM_PREFIX = "job:";
    }

    /**
     * Tell pager {@code pager} (pagerduty or webhook, under {@code paging.providers}) to
     * {@code action} (trigger, acknowledge or resolve) the incident {@code dedupKey} of page
     * {@code page} of a case; {@code person} is whom a trigger is for. Each try is recorded on the
     * case's timeline; a 429 or 5xx is tried again, and the pager's dedup key makes a repeat harmless.
     * A case's calls to one pager go in order, so an acknowledge never overtakes its trigger.
     */
    record PagerCall(CaseId caseId, String pager, String action, String dedupKey, int page, Optional<UserId> person) implements Job {
        /** Pager calls have a worker of their own ({@code Outbox.Lane.PAGERS}). */
        public static final String STREAM_PREFIX = Job.STREAM_PREFIX + "pager:";

        @java.lang.Override
        public String subject() {
            return caseId + " " + pager + " " + action;
        }

        @java.lang.Override
        public String stream() {
            return STREAM_PREFIX + caseId.number() + ":" + pager;
        }
    }

    /** Suggest a type, severity and routing for a case just opened (policy {@code triage}). */
    record TriageCase(CaseId caseId) implements Job {
        @java.lang.Override
        public String subject() {
            return caseId.toString();
        }

        @java.lang.Override
        public String stream() {
            return STREAM_PREFIX + "triage:" + caseId.number();
        }
    }

    /** Find the cases most like one just opened, and show them in its channel (policy {@code similar}). */
    record SuggestSimilar(CaseId caseId) implements Job {
        @java.lang.Override
        public String subject() {
            return caseId.toString();
        }

        @java.lang.Override
        public String stream() {
            return STREAM_PREFIX + "similar:" + caseId.number();
        }
    }

    /** Write a draft of {@code kind} for {@code requester}, and show it to them where they asked. */
    record WriteDraft(CaseId caseId, DraftKind kind, UserId requester, ChannelId channel,
                      Optional<String> responseUrl) implements Job {
        @java.lang.Override
        public String subject() {
            return caseId + " " + kind.id();
        }

        @java.lang.Override
        public String stream() {
            return STREAM_PREFIX + "draft:" + caseId.number();
        }
    }

    /**
     * Post a change of a case a machine raised back to its source ({@code intake.sources[].callback_url}):
     * {@code change} is {@code acknowledged}, {@code mitigated} or {@code resolved} (with its resolution).
     * Retried until the source takes it; a case's changes go in order.
     */
    record CallBack(CaseId caseId, String change, Instant at, Optional<String> resolution) implements Job {
        @java.lang.Override
        public String subject() {
            return caseId + " " + change;
        }

        @java.lang.Override
        public String stream() {
            return STREAM_PREFIX + "callback:" + caseId.number();
        }

        /** The changes of a machine's case that its source hears of, from a change's events. */
        public static List<SlackEffect> of(Case before, List<CaseEvent> events) {
            if (!MachineReporter.is(before.reporter())) return List.of();
            List<SlackEffect> calls = new ArrayList<>();
            for (CaseEvent e : events) {
                if (e.data() instanceof EventData.Acknowledged) calls.add(new CallBack(e.caseId(), "acknowledged", e.at(), Optional.empty()));
                if (e.data() instanceof EventData.StateChanged s && s.to() == CaseState.MITIGATED) {
                    calls.add(new CallBack(e.caseId(), "mitigated", e.at(), Optional.empty()));
                }
                if (e.data() instanceof EventData.Resolved r) calls.add(new CallBack(e.caseId(), "resolved", e.at(), Optional.of(r.resolution())));
            }
            return calls;
        }
    }

    /** Read the message pinned with :pushpin: at {@code ts} in a case channel, and put it on its case's timeline. */
    record RecordPin(ChannelId channel, String ts, UserId pinnedBy) implements Job {
        @java.lang.Override
        public String subject() {
            return "pin " + ts + " in " + channel.value();
        }

        @java.lang.Override
        public String stream() {
            return STREAM_PREFIX + "pin:" + channel.value();
        }
    }

    /**
     * Run {@code command} typed by {@code user} with times of day in it (a shift override, a deadline):
     * its times are read in their Slack time zone, asked of Slack after the ack; the answer goes to {@code responseUrl}.
     */
    record ZonedCommand(UserId user, ChannelId channel, String responseUrl, String command) implements Job {
        @java.lang.Override
        public String subject() {
            return "zoned command by " + user.value();
        }

        @java.lang.Override
        public String stream() {
            return STREAM_PREFIX + "override:" + user.value();
        }
    }

    /** A message to the team channel that belongs to no case (such as an on-call coverage warning). */
    record TeamNotice(String channel, String text) implements ForTeam {
    }

    /** A handoff's digest, from its stored snapshot, with the Accept button: to the team channel, or to the incoming person by DM. */
    record PostHandoff(long handoffId, String to, boolean forIncoming) implements OnHandoff {
    }

    /** A message about a handoff, to a channel or (by DM) a person: it was accepted, a reminder, or an escalation. */
    record HandoffNotice(long handoffId, Notice notice, String to) implements OnHandoff {
        public enum Notice { ACCEPTED, REMINDER, ESCALATION }
    }

    /**
     * A direct message to {@code to}: their shift on a rotation starts soon, with a preview of the
     * handoff digest, from the stored reminder {@code reminderId}.
     */
    record PostShiftReminder(long reminderId, String to) implements SlackEffect {
        @java.lang.Override
        public String subject() {
            return "shift reminder " + reminderId;
        }

        @java.lang.Override
        public String stream() {
            return "user:" + to;
        }
    }

    /**
     * A message about a swap request ({@code /esc swap}), rendered from the request as it stands at
     * delivery: the request with its Cover button, to the rotation's channel or the one person
     * asked ({@code to}); a reminder there; the request redrawn as it ended; the requester told it
     * was covered or that nobody covered it; the coverer told what they took. A request's messages
     * are delivered in order, so it is redrawn only after it was posted.
     */
    record SwapNotice(long swapId, Notice notice, String to) implements SlackEffect {
        public enum Notice { REQUEST, REMINDER, UPDATE, COVERED, COVERER, EXPIRED }

        @java.lang.Override
        public String subject() {
            return "swap request " + swapId;
        }

        @java.lang.Override
        public String stream() {
            return "swap:" + swapId;
        }
    }

    /** Show a stored draft, with its review buttons, only to whoever asked for it (where they asked). */
    record ShowDraft(long draftId) implements OnDraft {
    }

    /**
     * Post an approved draft's text to a channel (the case channel, or {@code leadership}'s); the
     * timeline records where it went, or that Slack refused it and why.
     */
    record PostDraft(long draftId, String to, boolean leadership) implements OnDraft {
    }

    /**
     * Tells whoever approved a draft where it was posted, after its posts: from what the timeline
     * recorded of each (posted, or refused and what to do), then {@code note}.
     */
    record ConfirmPosted(long draftId, UserId user, String note) implements OnDraft {
    }

    /** A reply to the reviewer of a draft, where the draft was shown; plain text. */
    record DraftReply(long draftId, UserId user, String text) implements OnDraft {
    }

    /** The case channel is told an executive update is due (every {@code every} for its severity). */
    record ExecUpdateDue(CaseId caseId, java.time.Duration every) implements OnCase {
    }

    /**
     * A reply only {@code user} sees, through the response URL of what they clicked or typed: plain
     * text, or (when {@code formatted}) mrkdwn the bot rendered, with its mentions and dates.
     */
    record Respond(UserId user, String responseUrl, String text, boolean formatted) implements SlackEffect {
        public Respond(UserId user, String responseUrl, String text) {
            this(user, responseUrl, text, false);
        }


        @java.lang.Override
        public String subject() {
            return "reply to " + user.value();
        }

        @java.lang.Override
        public String stream() {
            return "user:" + user.value();
        }
    }

    /**
     * A direct message to {@code user} about something of theirs Slack refused (a post to an archived
     * case channel, an invite, their chart): what failed, Slack's reason, what to do. Mrkdwn the bot rendered.
     */
    record Notify(UserId user, String text) implements SlackEffect {
        @java.lang.Override
        public String subject() {
            return "notice to " + user.value();
        }

        @java.lang.Override
        public String stream() {
            return "user:" + user.value();
        }
    }

    /** An emerging pattern for the team channel: case volume well above its baseline, with the cases (restricted ones only counted). */
    record PatternAlert(String channel, List<PatternSpike> spikes) implements ForTeam {
        public PatternAlert {
            spikes = List.copyOf(spikes);
        }
    }

    /** The weekly list of prompts and runbooks past their review date, for the team channel, naming each owner. */
    record ReviewReminder(String channel, List<OverdueReview> overdue) implements ForTeam {
        public ReviewReminder {
            overdue = List.copyOf(overdue);
        }
    }

    /**
     * A text file (such as the on-call fairness CSV) uploaded to {@code user} by direct message, with
     * {@code comment} (plain text) beside it. The content is fixed when asked for, so the file says
     * what the answer said.
     */
    record SendFile(UserId user, String filename, String title, String comment, String content) implements SlackEffect {
        @java.lang.Override
        public String subject() {
            return "file " + filename + " for " + user.value();
        }

        @java.lang.Override
        public String stream() {
            return "file:" + user.value();
        }
    }

    /** The month's on-call fairness report for the team channel: mrkdwn rendered from ids and figures only (no case is named). */
    record FairnessPost(String channel, String text) implements ForTeam {
    }

    /** The {@code /esc stats} chart (weekly volume by type, SLA compliance) as a PNG uploaded where it was asked for. */
    record UploadStatsChart(UserId user, ChannelId channel, int days) implements SlackEffect {
        @java.lang.Override
        public String subject() {
            return "stats chart for " + user.value();
        }

        @java.lang.Override
        public String stream() {
            return "chart:" + user.value();
        }
    }

    /** Create the case channel (private for a restricted case); on a name clash the worker tries {@link ChannelName#alternative}. */
    record CreateChannel(CaseId caseId, String name, boolean isPrivate) implements OnCase {
    }

    record InviteToChannel(CaseId caseId, List<UserId> users) implements OnCase {
        public InviteToChannel {
            users = List.copyOf(users);
        }
    }

    record PostCaseCard(CaseId caseId) implements OnCase {
    }

    record PinCaseCard(CaseId caseId) implements OnCase {
    }

    /** The decision tree's {@code question}, with a button per answer, in the case channel. */
    record AskRunbook(CaseId caseId, String question) implements OnCase {
    }

    /** Post the case type's runbook checklist in the case channel. */
    record PostRunbook(CaseId caseId) implements OnCase {
    }

    /** The case's triage suggestion in its channel, with Accept / Change… / Dismiss while held, or Undo once applied. */
    record ShowTriage(CaseId caseId) implements OnCase {
    }

    /** The triage message posted at {@code messageTs}, redrawn once decided: its buttons go. */
    record UpdateTriage(CaseId caseId, String messageTs) implements OnCase {
    }

    /** The similar cases found when the case opened (its {@code SIMILAR_FOUND} event), with the duplicate flag's buttons while unjudged. */
    record ShowSimilar(CaseId caseId) implements OnCase {
    }

    /** Redraw the case's similar-cases message (where it was posted) once its duplicate flag is judged. */
    record UpdateSimilar(CaseId caseId) implements OnCase {
    }

    /** Ask the groups decision {@code decision} still waits on to sign it off, in the case channel, with Approve and Object…. */
    record RequestSignOff(CaseId caseId, int decision) implements OnCase {
    }

    /** The sign-off request posted at {@code messageTs}, redrawn as the decision now stands: once settled, its buttons go. */
    record UpdateSignOff(CaseId caseId, int decision, String messageTs) implements OnCase {
    }

    /** Tell whoever opened the case where its channel is: via the command's response URL, else by DM. */
    record TellReporter(CaseId caseId, UserId reporter, Optional<String> responseUrl) implements OnCase {
    }

    /** A direct message to someone on call: this case needs you, as {@code level} of {@code rotation}. */
    record Page(CaseId caseId, UserId user, String level, String rotation) implements OnCase {
    }

    /**
     * A direct message to the person paged with {@code /esc page}: who asked for them and why, the
     * case's channel, and an Acknowledge page button.
     */
    record AdHocPage(CaseId caseId, int page) implements OnCase {
    }

    /** Re-render the pinned card in place. */
    record UpdateCaseCard(CaseId caseId) implements OnCase {
    }

    /** Set the channel topic from the case, e.g. {@code SEV1 · investigating · owner @maria · ESC-42}. */
    record SetChannelTopic(CaseId caseId) implements OnCase {
    }

    /** Say in the case channel what just happened. */
    record Announce(CaseId caseId, CaseEvent event) implements OnCase {
    }

    /** Brief a stakeholder group just brought in: who they are, and the case so far. */
    record BriefGroup(CaseId caseId, String group, List<UserId> members) implements OnCase {
        public BriefGroup {
            members = List.copyOf(members);
        }
    }

    /**
     * A reply only {@code user} sees, where they clicked (response URL) or else in {@code channel};
     * for answers to buttons, which cannot carry a reply in their acknowledgement. Plain text.
     */
    record Whisper(CaseId caseId, UserId user, ChannelId channel, Optional<String> responseUrl, String text) implements OnCase {
        /** A reply to a click waits behind nothing of its case's. */
        @java.lang.Override
        public String stream() {
            return "user:" + user.value();
        }
    }

    /**
     * Asks {@code user}, who just overrode the AI on the case ({@code target}: the override's
     * subject, {@code draft:<id>} or {@code triage}), why, with one button per failure mode; only
     * they see it, in {@code channel}.
     */
    record OfferTags(CaseId caseId, UserId user, ChannelId channel, String target) implements OnCase {
        /** For one person, and cosmetic: it waits behind nothing of its case's. */
        @java.lang.Override
        public String stream() {
            return "user:" + user.value();
        }
    }

    /** Events whose values appear in the channel topic. */
    Set<CaseEvent.Kind> TOPIC_KINDS = EnumSet.of(CaseEvent.Kind.SEVERITY_CHANGED, CaseEvent.Kind.STATE_CHANGED,
            CaseEvent.Kind.OWNER_CHANGED, CaseEvent.Kind.RESOLVED, CaseEvent.Kind.REOPENED);

    /**
     * What opening a case sets in motion, in delivery order: the channel, the reporter and the
     * people paged invited, the card, topic and runbook, the pages, then the link back.
     */
    static List<SlackEffect> forOpenedCase(Case c, String channelName, Optional<String> responseUrl, boolean hasRunbook,
                                           List<UserId> paged, List<SlackEffect> pages) {
        // A machine's report has no Slack user to invite or tell (MachineReporter).
        boolean byPerson = !MachineReporter.is(c.reporter());
        List<UserId> invited = new ArrayList<>(byPerson ? List.of(c.reporter()) : List.of());
        paged.stream().filter(u -> !invited.contains(u)).forEach(invited::add);
        List<SlackEffect> effects = new ArrayList<>(List.of(
                new CreateChannel(c.id(), channelName, c.restricted()),
                new InviteToChannel(c.id(), invited),
                new PostCaseCard(c.id()),
                new PinCaseCard(c.id()),
                new SetChannelTopic(c.id())));
        if (hasRunbook) effects.add(new PostRunbook(c.id()));
        effects.addAll(pages);
        if (byPerson) effects.add(new TellReporter(c.id(), c.reporter(), responseUrl));
        return effects;
    }

    /** What a change sets in motion: each event said in the channel, then the card and (when it shows them) the topic. */
    static List<SlackEffect> forChange(CaseId id, List<CaseEvent> events) {
        List<SlackEffect> effects = new ArrayList<>();
        events.forEach(e -> effects.add(new Announce(id, e)));
        effects.add(new UpdateCaseCard(id));
        if (events.stream().anyMatch(e -> TOPIC_KINDS.contains(e.kind()))) effects.add(new SetChannelTopic(id));
        return effects;
    }
}
