package app.escalate.commands.handoff;

import app.escalate.commands.Case;
import app.escalate.commands.CaseDecision;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.Deadlines;
import app.escalate.commands.EventData;
import app.escalate.commands.HandoffDigest.CaseLine;
import app.escalate.commands.HandoffDigest.ChangeLine;
import app.escalate.commands.HandoffDigest.NoteLine;
import app.escalate.commands.HandoffDigest.Section;
import app.escalate.commands.HandoffDigest.SeverityGroup;
import app.escalate.commands.HandoffDigest.TaskLine;
import app.escalate.commands.HandoffDigest.WaitingLine;
import app.escalate.commands.HandoffDigest;
import app.escalate.commands.SlaClock;
import app.escalate.commands.SlackText;
import app.escalate.commands.fields.RequiredFields;
import app.escalate.commands.Task;
import app.escalate.commands.TriageVerdict;
import app.escalate.commands.UserId;
import app.escalate.config.Policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds a {@link HandoffDigest} from the open cases and the shift's changes and notes. Pure: the
 * caller loads the facts once and builds one digest per audience.
 */
public final class DigestBuilder {
    /** Lines kept per section; the renderer may show fewer to stay within Slack's 3,000 characters a block. */
    public static final int NEEDS_ACTION = 10;
    public static final int PER_SEVERITY = 12;
    public static final int CHANGES = 12;
    public static final int TASKS = 10;
    public static final int WAITING = 8;
    public static final int WATCHED = 10;
    public static final int NOTES = 10;
    public static final int COVER_DEADLINES = 15;
    public static final int TITLE = 80;
    public static final int TEXT = 200;

    /** Kinds of event that count as "what changed during the shift". */
    public static final Set<CaseEvent.Kind> CHANGE_KINDS = Set.of(CaseEvent.Kind.OPENED, CaseEvent.Kind.RESOLVED,
            CaseEvent.Kind.REOPENED, CaseEvent.Kind.SEVERITY_CHANGED, CaseEvent.Kind.TRIAGE_SUGGESTED, CaseEvent.Kind.TRIAGE_JUDGED);

    private final Policy policy;

    public DigestBuilder(Policy policy) {
        this.policy = policy;
    }

    /** What one digest is built from, loaded once for every audience. */
    public record Facts(List<CaseFile> open, List<CaseEvent> changes, Function<CaseId, Optional<CaseFile>> lookup,
                        List<HandoffNote> notes) {
    }

    public HandoffDigest build(HandoffDigest.Header header, Facts facts, Predicate<CaseFile> visible, Instant now) {
        List<CaseFile> shown = new ArrayList<>();
        int hidden = 0;
        for (CaseFile f : facts.open()) {
            if (visible.test(f)) shown.add(f);
            else hidden++;
        }
        List<CaseLine> lines = shown.stream().map(f -> line(f, now)).sorted(URGENT_FIRST).toList();

        // A deadline someone else set and now pressing comes first: it cannot be moved by working faster later.
        List<CaseLine> urgent = lines.stream().filter(DigestBuilder::needsAction)
                .sorted(Comparator.comparing((CaseLine l) -> l.pressing().isEmpty())
                        .thenComparing(DigestBuilder::soonest)
                        .thenComparing(CaseLine::severity))
                .toList();

        Map<Integer, List<CaseLine>> bySeverity = lines.stream().collect(Collectors.groupingBy(CaseLine::severity));
        List<SeverityGroup> groups = bySeverity.keySet().stream().sorted()
                .map(s -> new SeverityGroup(s, first(bySeverity.get(s), PER_SEVERITY))).toList();

        List<TaskLine> tasks = new ArrayList<>();
        List<WaitingLine> waiting = new ArrayList<>();
        for (CaseFile f : byUrgency(shown, lines)) {
            for (Task t : f.tasks()) {
                if (!t.isDone()) tasks.add(new TaskLine(f.id().number(), t.number(), SlackText.clip(t.text(), TEXT), t.assignee()));
            }
            List<String> signOffs = f.decisions().stream().filter(d -> d.status() == CaseDecision.Status.PENDING)
                    .map(d -> "#" + d.number() + " " + SlackText.clip(d.text(), TITLE) + " (waiting on " + String.join(", ", d.waitingOn()) + ")")
                    .toList();
            if (!f.stakeholders().isEmpty() || !signOffs.isEmpty()) {
                waiting.add(new WaitingLine(f.id().number(), f.details().severity().level(), SlackText.clip(f.details().title(), TITLE),
                        f.stakeholders().stream().sorted().toList(), signOffs));
            }
        }
        List<CaseLine> watched = lines.stream().filter(CaseLine::watched).toList();

        // A weekend's cover sees every deadline that falls before the weekend ends, pressing or not.
        List<HandoffDigest.DeadlineLine> cover = header.weekend() && header.until().isPresent()
                ? lines.stream().flatMap(l -> l.deadlines().stream()).filter(d -> d.due().isBefore(header.until().get()))
                        .sorted(Comparator.comparing(HandoffDigest.DeadlineLine::due)).toList()
                : List.of();
        return new HandoffDigest(header, shown.size(), hidden, first(urgent, NEEDS_ACTION), groups,
                changes(facts, visible), first(tasks, TASKS), first(waiting, WAITING), first(watched, WATCHED),
                notes(facts.notes(), header.outgoing()).stream()
                        .map(n -> new NoteLine(n.author(), SlackText.clip(n.text(), 1000), n.at())).toList(),
                now, first(cover, COVER_DEADLINES));
    }

    /**
     * The shift's last {@link #NOTES} notes, oldest first, the outgoing person's kept before anyone
     * else's: however many others write, the handover's own notes reach the incoming person.
     */
    static List<HandoffNote> notes(List<HandoffNote> oldestFirst, Optional<UserId> outgoing) {
        List<HandoffNote> outgoings = oldestFirst.stream().filter(n -> outgoing.map(n.author()::equals).orElse(false)).toList();
        List<HandoffNote> kept = new ArrayList<>(outgoings.subList(Math.max(0, outgoings.size() - NOTES), outgoings.size()));
        List<HandoffNote> others = oldestFirst.stream().filter(n -> !outgoings.contains(n)).toList();
        kept.addAll(others.subList(Math.max(0, others.size() - (NOTES - kept.size())), others.size()));
        kept.sort(Comparator.comparing(HandoffNote::at));
        return kept;
    }

    /** Breached first, then at risk, then by deadline; cases without a clock last, oldest first. */
    static final Comparator<CaseLine> URGENT_FIRST = Comparator.comparing(CaseLine::severity)
            .thenComparing((CaseLine l) -> l.sla().map(s -> s.standing().ordinal()).orElse(SlaClock.Standing.values().length))
            .thenComparing(l -> l.sla().map(SlaClock.Status::due).orElse(Instant.MAX))
            .thenComparing(CaseLine::openedAt)
            .thenComparing(CaseLine::caseId);

    static boolean needsAction(CaseLine line) {
        return !line.acknowledged() || line.sla().map(SlaClock.Status::needsAction).orElse(false) || !line.pressing().isEmpty();
    }

    /** The soonest of what makes the line need action: its SLA clock, its pressing deadlines. */
    private static Instant soonest(CaseLine line) {
        Instant sla = line.sla().filter(SlaClock.Status::needsAction).map(SlaClock.Status::due).orElse(Instant.MAX);
        return line.pressing().stream().map(HandoffDigest.DeadlineLine::due).filter(sla::isAfter).findFirst().orElse(sla);
    }

    private CaseLine line(CaseFile f, Instant now) {
        Case c = f.details();
        Optional<String> next = f.tasks().stream().filter(t -> !t.isDone()).findFirst().map(t -> SlackText.clip(t.text(), TITLE));
        return new CaseLine(c.id().number(), c.severity().level(), SlackText.clip(c.title(), TITLE), c.state().label(), c.owner(),
                c.openedAt(), c.channel().map(ch -> ch.id().value()),
                SlaClock.of(c, policy.severity(c.severity().level()), now), c.acknowledged().isPresent(),
                f.watch().isPresent(), next, RequiredFields.neededNext(policy, f)
                        .map(n -> n.fields().stream().map(field -> field.label()).toList()).orElse(List.of()),
                Deadlines.open(f, c.caseType().flatMap(policy::caseType)).stream()
                        .map(d -> new HandoffDigest.DeadlineLine(c.id().number(), SlackText.clip(c.title(), TITLE), d.name(), d.due(),
                                d.standing(now))).toList());
    }

    private static List<CaseFile> byUrgency(List<CaseFile> files, List<CaseLine> sortedLines) {
        Map<Long, CaseFile> byId = files.stream().collect(Collectors.toMap(f -> f.id().number(), f -> f));
        return sortedLines.stream().map(l -> byId.get(l.caseId())).toList();
    }

    /** The shift's changes the audience may see, newest first. */
    private static Section<ChangeLine> changes(Facts facts, Predicate<CaseFile> visible) {
        Map<CaseId, CaseFile> open = facts.open().stream().collect(Collectors.toMap(CaseFile::id, f -> f));
        List<CaseEvent> newestFirst = new ArrayList<>(facts.changes());
        newestFirst.sort(Comparator.comparing(CaseEvent::at).reversed());
        List<ChangeLine> shown = new ArrayList<>();
        int total = 0;
        Map<CaseId, Optional<CaseFile>> closed = new HashMap<>();
        for (CaseEvent e : newestFirst) {
            // Cases no longer open are looked up once each, so even the count hides restricted ones.
            Optional<CaseFile> file = Optional.ofNullable(open.get(e.caseId()))
                    .or(() -> closed.computeIfAbsent(e.caseId(), facts.lookup()));
            if (file.isEmpty() || !visible.test(file.get())) continue;
            total++;
            if (shown.size() < CHANGES) {
                shown.add(new ChangeLine(e.at(), e.caseId().number(), SlackText.clip(file.get().details().title(), TITLE), what(e),
                        e.actor()));
            }
        }
        return new Section<>(shown, total);
    }

    /** The change in a few words; the digest lists only the kinds it asks the timeline for, the rest by name. */
    private static String what(CaseEvent e) {
        EventData d = e.data();
        if (d instanceof EventData.Opened o) return "opened as " + o.severity();
        if (d instanceof EventData.Resolved) return "resolved";
        if (d instanceof EventData.Reopened) return "reopened";
        if (d instanceof EventData.SeverityChanged s) return s.from() + " → " + s.to();
        if (d instanceof EventData.TriageSuggested t) {
            return "AI triage " + (t.applied() ? "set " : "suggests ") + t.suggestion().severity().value()
                    + t.suggestion().typeId().map(type -> " · " + type).orElse("") + (t.applied() ? "" : ", waiting for a person");
        }
        if (d instanceof EventData.TriageJudged j && j.verdict() == TriageVerdict.LEFT_OUT) return "AI triage's proposed " + SlackText.clip(j.from(), TITLE) + " left out";
        if (d instanceof EventData.TriageJudged j) return "AI triage " + j.verdict().id() + ": " + j.from() + " → " + j.to();
        return e.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static <T> Section<T> first(List<T> all, int n) {
        return new Section<>(all.subList(0, Math.min(n, all.size())), all.size());
    }
}
