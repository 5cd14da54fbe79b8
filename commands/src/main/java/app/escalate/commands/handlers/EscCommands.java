package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseNotFound;
import app.escalate.commands.CaseStore;
import app.escalate.commands.CommandParser;
import app.escalate.commands.Deadlines;
import app.escalate.commands.Decision;
import app.escalate.commands.DraftKind;
import app.escalate.commands.EscCommand;
import app.escalate.commands.Invocation;
import app.escalate.commands.JointDecision;
import app.escalate.commands.Reply;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.UserId;
import app.escalate.commands.access.Permissions;
import app.escalate.commands.handoff.HandoffCommands;
import app.escalate.commands.handoff.HandoffStore;
import app.escalate.commands.paging.PageStops;
import app.escalate.commands.oncall.OnCall;
import app.escalate.commands.oncall.OverrideStore;
import app.escalate.commands.summary.DraftStore;
import app.escalate.config.Policy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The one place that routes a parsed {@code /esc} command to its handler. */
public final class EscCommands {
    public static final int TIMELINE_PAGE = 10;

    private final CaseStore cases;
    private final Clock clock;
    private final Permissions permissions;
    private final OpenCase openCase;
    private final ShowStatus showStatus;
    private final AcknowledgeCase acknowledge;
    private final ChangeSeverity changeSeverity;
    private final MoveState moveState;
    private final AssignOwner assignOwner;
    private final AddNote addNote = new AddNote();
    private final SetField setField;
    private final ChangeDeadline deadlines;
    private final JoinCases join;
    private final Policy policy;
    private final MakeDecision makeDecision;
    private final SignOffDecision signOff;
    private final AddTask addTask;
    private final CompleteTask completeTask = new CompleteTask();
    private final LoopInGroup loopIn;
    private final ResolveCase resolve;
    private final ReopenCase reopen;
    private final ShowOnCall showOnCall;
    private final ShowFairness showFairness;
    private final ManageOverrides manageOverrides;
    private final WatchCase watch;
    private final WalkRunbook runbook;
    private final TriageCase triage;
    private final TagFailure tagFailure;
    private final ShowAi showAi;
    private final HandoffCommands handoffs;
    private final ShowStats showStats;
    private final DuplicateFlags duplicates = new DuplicateFlags();
    private final DriftWatch drift;
    private final PageStops pageStops;
    private final PagePerson pagePerson;


    public EscCommands(CaseStore cases, OverrideStore overrides, HandoffStore handoffs, DraftStore drafts, Policy policy, Clock clock) {
        this(cases, handoffs, drafts, policy, clock, Domain.of(cases, overrides, handoffs, policy, clock));
    }

    /** With the domain's shared services, as the bot builds them once. */
    public EscCommands(CaseStore cases, HandoffStore handoffs, DraftStore drafts, Policy policy, Clock clock, Domain domain) {
        OnCall onCall = domain.onCall();
        Permissions permissions = domain.permissions();
        this.permissions = permissions;
        this.cases = cases;
        this.clock = clock;
        this.openCase = new OpenCase(cases, policy, onCall, clock);
        this.manageOverrides = new ManageOverrides(policy, onCall, permissions, clock);
        this.showStatus = new ShowStatus(cases);
        this.acknowledge = new AcknowledgeCase(permissions);
        this.changeSeverity = new ChangeSeverity(permissions);
        this.moveState = new MoveState(policy, permissions);
        this.assignOwner = new AssignOwner(permissions);
        this.addTask = new AddTask(permissions);
        this.loopIn = new LoopInGroup(policy, permissions);
        this.resolve = new ResolveCase(policy, permissions);
        this.setField = new SetField(policy);
        this.deadlines = new ChangeDeadline(policy, permissions);
        this.join = new JoinCases(policy);
        this.policy = policy;
        this.makeDecision = new MakeDecision(policy, permissions);
        this.signOff = new SignOffDecision(policy);
        this.reopen = new ReopenCase(permissions);
        this.showOnCall = new ShowOnCall(onCall, handoffs, clock);
        this.showFairness = new ShowFairness(cases, onCall, policy, clock);
        this.watch = new WatchCase(permissions);
        this.runbook = new WalkRunbook(policy, permissions, this::decide);
        this.triage = new TriageCase(policy, permissions);
        this.tagFailure = new TagFailure(policy, permissions, drafts, cases::timeline);
        this.handoffs = new HandoffCommands(handoffs, domain.digests(), policy, onCall, clock);
        this.showStats = new ShowStats(cases, drafts, domain.reviewDates(), policy, clock);
        this.drift = new DriftWatch(cases, drafts, policy, clock);
        this.showAi = new ShowAi(cases, drafts, drift, policy, clock);
        this.pageStops = new PageStops(policy);
        this.pagePerson = new PagePerson(policy, permissions);
    }

    /** The handoff commands, for the digest's Accept button. */
    public HandoffCommands handoffs() {
        return handoffs;
    }

    /** Records triage's suggestion for a case just opened, applying it when the routing rules allow; true when recorded. */
    public boolean triage(CaseId id, SuggestedTriage suggested) {
        return triage(id, suggested, Optional.empty());
    }

    /** The same, with the answer of the prompt version on trial, recorded beside it and never shown. */
    public boolean triage(CaseId id, SuggestedTriage suggested, Optional<SuggestedTriage> shadowPrompt) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return cases.change(id, file -> decide(file, new CaseAction.Triage(suggested, shadowPrompt), file.details().reporter(), now))
                instanceof Decision.Applied;
    }

    /** Records the cases found most like a case just opened, and shows them in its channel; true when recorded (once per case). */
    public boolean similarFound(CaseId id, List<CaseId> similar, Optional<CaseId> duplicateOf) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return cases.change(id, file -> decide(file, new CaseAction.RecordSimilar(similar, duplicateOf), file.details().reporter(), now))
                instanceof Decision.Applied;
    }

    public Reply handle(String text, Invocation by) {
        return handle(CommandParser.parse(text), by);
    }

    /** For commands that come from elsewhere than typed text, such as the open-case form. */
    public Reply handle(EscCommand command, Invocation by) {
        try {
            if (command instanceof EscCommand.Open open) return openCase.handle(open, by);
            if (command instanceof EscCommand.OpenForm) return new Reply.OpenForm();
            if (command instanceof EscCommand.Status status) return showStatus.handle(status, by);
            if (command instanceof EscCommand.OnCase onCase) return onCase(onCase, by);
            if (command instanceof EscCommand.OnCall) return showOnCall.handle();
            if (command instanceof EscCommand.OnCallReport report) return showFairness.handle(report, by);
            if (command instanceof EscCommand.SetOverride set) return manageOverrides.set(set, by);
            if (command instanceof EscCommand.RemoveOverride remove) return manageOverrides.remove(remove, by);
            // Its times are the asker's: it runs after the ack, once Slack gave their zone (bot's ZonedCommands).
            if (command instanceof EscCommand.Swap || command instanceof EscCommand.CancelSwap) {
                return new Reply.Refusal("Type it as `/esc swap …`: swaps are answered once Slack gave your time zone.");
            }
            if (command instanceof EscCommand.ShowHandoff show) return handoffs.show(show, by);
            if (command instanceof EscCommand.HandoffNote note) return handoffs.note(note, by);
            if (command instanceof EscCommand.HandoffHistory history) return handoffs.history(history, by);
            if (command instanceof EscCommand.Stats stats) return showStats.handle(stats, by);
            if (command instanceof EscCommand.AiLedger ai) return showAi.handle(ai);
            if (command instanceof EscCommand.Invalid invalid) return new Reply.Usage(Optional.of(invalid.problem()));
            return new Reply.Usage(Optional.empty());
        } catch (CaseNotFound e) {
            return new Reply.Refusal(notVisible(e.id(), by));
        }
    }

    private Reply onCase(EscCommand.OnCase command, Invocation by) {
        // A button or form names its case; only typed text may fall back on the channel's case.
        Optional<Case> here = cases.findByChannel(by.channel());
        Optional<CaseId> target = command.target().or(() -> by.typed() ? here.map(Case::id) : Optional.empty());
        if (target.isEmpty()) {
            return new Reply.Refusal("Run this in a case channel, or put the case id first, e.g. `/esc timeline ESC-12`.");
        }
        CaseId id = target.get();
        Optional<String> skipped = skippedTime(command.action(), by);
        if (skipped.isPresent()) return new Reply.Refusal(skipped.get());
        CaseAction action = inZone(command.action(), by);
        if (by.typed() && here.isPresent() && !here.get().id().equals(id)) {
            if (action instanceof CaseAction.Resolve) return new Reply.Refusal(whichCaseToResolve(here.get().id(), id));
            if (isFreeText(action)) {
                // In a case channel, "note ESC-7 is a duplicate" is a note on this case that mentions ESC-7.
                action = withLeadingText(action, id.toString());
                id = here.get().id();
            }
        }
        CaseId caseId = id;
        boolean inChannel = here.map(c -> c.id().equals(caseId)).orElse(false);
        if (action instanceof CaseAction.ListTasks || action instanceof CaseAction.ShowTimeline || action instanceof CaseAction.ListDeadlines
                || action instanceof CaseAction.ListDecisions || action instanceof CaseAction.ListOverrides
                || action instanceof CaseAction.DraftRca || action instanceof CaseAction.DraftSummary) {
            CaseFile file = cases.file(caseId).orElseThrow(() -> new CaseNotFound(caseId));
            boolean inItsChannel = inItsChannel(inChannel, file, by);
            if (!inItsChannel && !file.visibleTo(by.user())) return new Reply.Refusal(CaseNotFound.message(caseId));
            boolean drafting = action instanceof CaseAction.DraftSummary || action instanceof CaseAction.DraftRca;
            if (drafting && !permissions.mayWorkOn(by.user(), file)) {
                return new Reply.Refusal("Drafts that may reach leadership are for the people working " + caseId
                        + " (its members, owner, the on-call or `responders`).");
            }
            if (drafting) {
                // Written after the ack (a model takes seconds), and queued before it, so a crash does not lose it.
                DraftKind kind = action instanceof CaseAction.DraftRca ? DraftKind.RCA : DraftKind.EXEC_SUMMARY;
                cases.enqueue(List.of(new SlackEffect.WriteDraft(caseId, kind, by.user(), by.channel(), by.responseUrl())), clock.instant());
                return new Reply.Drafting(caseId, kind);
            }
            return read(file, action);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (action instanceof CaseAction.Merge || action instanceof CaseAction.Link) return joined(caseId, action, by, inChannel, now);
        CaseAction chosen = action;
        Decision decision = cases.change(caseId, file -> {
            Optional<String> refused = mayAct(file, chosen, by, inChannel);
            if (refused.isPresent()) return new Decision.Rejected(refused.get());
            return decide(file, chosen, by.user(), now);
        });
        if (decision instanceof Decision.Applied applied) {
            drift.after(applied.events());
            return new Reply.Changed(caseId, applied.events());
        }
        return new Reply.Refusal(((Decision.Rejected) decision).reason());
    }

    /**
     * A merge or link changes two cases: both must be open to the asker, and where either is
     * restricted, the asker must be one of the people of both (nothing crosses that boundary on
     * anyone else's word). A merge steers the duplicate.
     */
    private Reply joined(CaseId caseId, CaseAction action, Invocation by, boolean inChannel, Instant now) {
        CaseId other = action instanceof CaseAction.Merge m ? m.into() : ((CaseAction.Link) action).other();
        if (other.equals(caseId)) return new Reply.Refusal("That is " + caseId + " itself; name the other case.");
        JointDecision decision = cases.changeBoth(caseId, other, (self, that) -> {
            Optional<String> refused = mayAct(self, action, by, inChannel);
            if (refused.isPresent()) return new JointDecision.Rejected(refused.get());
            if (!that.visibleTo(by.user())) return new JointDecision.Rejected(notVisible(other, by));
            boolean restricted = self.details().restricted() || that.details().restricted();
            if (restricted && !(self.members().contains(by.user()) && that.members().contains(by.user()))) {
                return new JointDecision.Rejected("One of " + caseId + " and " + other + " is restricted: only someone on both may "
                        + (action instanceof CaseAction.Merge ? "merge" : "link") + " them.");
            }
            if (action instanceof CaseAction.Merge) {
                if (!permissions.maySteer(by.user(), self.details())) return new JointDecision.Rejected(Permissions.onlySteerers("merge " + caseId));
                // The duplicate is resolved: its pages stop, and any pager it rang hears resolve.
                JointDecision merged = join.merge(self, that, (CaseAction.Merge) action, by.user(), now);
                return merged instanceof JointDecision.Applied a
                        ? new JointDecision.Applied((Decision.Applied) pageStops.after(a.first(), now), a.second()) : merged;
            }
            return join.link(self, that, ((CaseAction.Link) action).linked(), by.user(), now);
        });
        if (decision instanceof JointDecision.Applied applied) {
            List<CaseEvent> events = new ArrayList<>(applied.first().events());
            events.addAll(applied.second().events());
            drift.after(events);
            return new Reply.Changed(caseId, events);
        }
        return new Reply.Refusal(((JointDecision.Rejected) decision).reason());
    }

    /**
     * Whether {@code by} may ask for {@code action} on the case at all, before its handler decides: a
     * restricted case only for its people, and work (notes, tasks) from its channel or from the people
     * working it. Empty when they may. Used before a form is opened as well, so no form shows a case
     * its opener may not touch.
     */
    public Optional<String> mayAct(CaseFile file, CaseAction action, Invocation by, boolean inChannel) {
        boolean inItsChannel = inItsChannel(inChannel, file, by);
        if (!inItsChannel && !file.visibleTo(by.user())) return Optional.of(notVisible(file.id(), by));
        if (!inItsChannel && isWork(action) && !permissions.mayWorkOn(by.user(), file)) {
            return Optional.of("Notes, tasks and fields come from the case channel, or from people working " + file.id() + ". Join its channel first.");
        }
        return Optional.empty();
    }

    /** The same check for a button that opens a form: {@link #mayAct} on the case the button names, answered where it was clicked. */
    public Optional<String> mayAct(CaseId id, CaseAction action, Invocation by) {
        Optional<CaseFile> file = cases.file(id);
        if (file.isEmpty()) return Optional.of(notVisible(id, by));
        boolean inChannel = file.get().details().channel().map(ch -> ch.id().equals(by.channel())).orElse(false);
        Optional<String> refused = mayAct(file.get(), action, by, inChannel);
        if (refused.isPresent() || !action.steers()) return refused;
        return permissions.maySteer(by.user(), file.get().details()) ? Optional.empty()
                : Optional.of(Permissions.onlySteerers("decide this for " + id));
    }

    /**
     * Acting from inside the case's channel: typed there, which Slack vouches for; or, for a button or
     * form, which only claims a channel, a public case (anyone may join its channel) or one whose
     * records list the person among its people.
     */
    private static boolean inItsChannel(boolean inChannel, CaseFile file, Invocation by) {
        return inChannel && (by.typed() || file.visibleTo(by.user()));
    }

    /**
     * The refusal for a case the asker may not see, the same whether it exists or not. A button only
     * claims its channel, so someone added to a restricted case's channel by hand is told how to act
     * there anyway: typed, where Slack vouches for them.
     */
    private static String notVisible(CaseId id, Invocation by) {
        return CaseNotFound.message(id) + (by.typed() ? "" : " If you are in its channel, type the command there (`/esc help`).");
    }

    private static String whichCaseToResolve(CaseId here, CaseId named) {
        return "This is " + here + "'s channel and you named " + named + " first, so nothing was resolved. To resolve " + named
                + ", run the command in its channel or outside case channels; to resolve " + here
                + ", start the resolution with words, e.g. `/esc resolve Duplicate of " + named + "`.";
    }

    private static boolean isFreeText(CaseAction action) {
        return action instanceof CaseAction.AddNote || action instanceof CaseAction.AddTask;
    }

    private static boolean isWork(CaseAction action) {
        return action instanceof CaseAction.AddNote || action instanceof CaseAction.AddTask || action instanceof CaseAction.CompleteTask
                || action instanceof CaseAction.SetField || action instanceof CaseAction.SetDeadline
                || action instanceof CaseAction.CompleteDeadline || action instanceof CaseAction.DropDeadline
                || action instanceof CaseAction.SignOffDecision || action instanceof CaseAction.OverrideDecision
                || action instanceof CaseAction.NotDuplicate;
    }

    /** A deadline at a time the asker's clocks skip (spring forward) is refused, as an override's is. */
    private static Optional<String> skippedTime(CaseAction action, Invocation by) {
        if (action instanceof CaseAction.SetDeadline d && d.when() instanceof CaseAction.When.Local local
                && by.zone().getRules().getValidOffsets(local.at()).isEmpty()) {
            return Optional.of(local.at().toLocalTime() + " on " + local.at().toLocalDate() + " does not exist in " + by.zone()
                    + " (the clocks skip it); pick another time.");
        }
        return Optional.empty();
    }

    /**
     * A deadline's time of day is the asker's: read in their zone here, so handlers see only instants
     * (in the autumn's repeated hour, the earlier one is meant).
     */
    private static CaseAction inZone(CaseAction action, Invocation by) {
        if (action instanceof CaseAction.SetDeadline d && d.when() instanceof CaseAction.When.Local local) {
            return new CaseAction.SetDeadline(d.name(), new CaseAction.When.Exactly(local.at().atZone(by.zone()).toInstant()));
        }
        return action;
    }

    private static CaseAction withLeadingText(CaseAction action, String text) {
        if (action instanceof CaseAction.AddNote a) return new CaseAction.AddNote(text + " " + a.text());
        if (action instanceof CaseAction.AddTask a) return new CaseAction.AddTask(text + " " + a.text(), a.assignee());
        return action;
    }

    /** The handler's decision; an applied one that steers the case makes the actor one of its people. */
    private Decision decide(CaseFile file, CaseAction action, UserId actor, Instant now) {
        Decision decision = pageStops.after(route(file, action, actor, now), now);
        return decision instanceof Decision.Applied applied && action.steers() ? applied.enrolling(actor) : decision;
    }

    private Decision route(CaseFile file, CaseAction action, UserId actor, Instant now) {
        if (action instanceof CaseAction.Acknowledge a) return acknowledge.decide(file, a, actor, now);
        if (action instanceof CaseAction.SetSeverity a) return changeSeverity.decide(file, a, actor, now);
        if (action instanceof CaseAction.MoveTo a) return moveState.decide(file, a, actor, now);
        if (action instanceof CaseAction.SetOwner a) return assignOwner.decide(file, a, actor, now);
        if (action instanceof CaseAction.AddNote a) return addNote.decide(file, a, actor, now);
        if (action instanceof CaseAction.SetField a) return setField.decide(file, a, actor, now);
        if (action instanceof CaseAction.SetDeadline a) return deadlines.set(file, a, actor, now);
        if (action instanceof CaseAction.CompleteDeadline a) return deadlines.complete(file, a, actor, now);
        if (action instanceof CaseAction.DropDeadline a) return deadlines.drop(file, a, actor, now);
        if (action instanceof CaseAction.Decide a) return makeDecision.decide(file, a, actor, now);
        if (action instanceof CaseAction.OverrideDecision a) return makeDecision.override(file, a, actor, now);
        if (action instanceof CaseAction.SignOffDecision a) return signOff.decide(file, a, actor, now);
        if (action instanceof CaseAction.AddTask a) return addTask.decide(file, a, actor, now);
        if (action instanceof CaseAction.CompleteTask a) return completeTask.decide(file, a, actor, now);
        if (action instanceof CaseAction.LoopIn a) return loopIn.decide(file, a, actor, now);
        if (action instanceof CaseAction.PageSomeone a) return pagePerson.decide(file, a, actor, now);
        if (action instanceof CaseAction.AcknowledgePage a) return pagePerson.acknowledge(file, a, actor, now);
        if (action instanceof CaseAction.Resolve a) return resolve.decide(file, a, actor, now);
        if (action instanceof CaseAction.Reopen a) return reopen.decide(file, a, actor, now);
        if (action instanceof CaseAction.Watch a) return watch.decide(file, a, actor, now);
        if (action instanceof CaseAction.StartRunbook) return runbook.start(file, actor, now);
        if (action instanceof CaseAction.AnswerRunbook a) return runbook.answer(file, a, actor, now);
        if (action instanceof CaseAction.Triage a) return triage.suggest(file, a, now);
        if (action instanceof CaseAction.JudgeTriage a) return triage.judge(file, a, actor, now);
        if (action instanceof CaseAction.NotDuplicate a) return duplicates.notDuplicate(file, a, actor, now);
        if (action instanceof CaseAction.RecordSimilar a) return duplicates.found(file, a, now);
        if (action instanceof CaseAction.TagFailure a) return tagFailure.decide(file, a, actor, now);
        if (action instanceof CaseAction.FlagRunbook a) return tagFailure.flagRunbook(file, a, actor, now);
        throw new AssertionError("no handler for " + action);
    }

    private Reply read(CaseFile file, CaseAction action) {
        if (action instanceof CaseAction.ListTasks) return new Reply.TaskList(file.id(), file.tasks());
        if (action instanceof CaseAction.ListDecisions) return new Reply.DecisionList(file.id(), file.decisions());
        if (action instanceof CaseAction.ListOverrides) return new Reply.AiOverrideList(file.id(), tagFailure.overrides(file), policy.ai().failureModes());
        if (action instanceof CaseAction.ListDeadlines) {
            var type = file.details().caseType().flatMap(policy::caseType);
            return new Reply.DeadlineList(file.id(), Deadlines.of(file, type), Deadlines.waiting(file, type), clock.instant());
        }
        List<CaseEvent> oldestFirst = cases.timeline(file.id());
        int page = ((CaseAction.ShowTimeline) action).page();
        int pages = Math.max(1, (oldestFirst.size() + TIMELINE_PAGE - 1) / TIMELINE_PAGE);
        if (page > pages) return new Reply.Refusal("The timeline of " + file.id() + " has " + pages + (pages == 1 ? " page." : " pages."));
        List<CaseEvent> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        int from = (page - 1) * TIMELINE_PAGE;
        return new Reply.TimelinePage(file.id(), newestFirst.subList(from, Math.min(from + TIMELINE_PAGE, newestFirst.size())),
                page, pages);
    }
}
