package app.escalate.commands.summary;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.Deadlines;
import app.escalate.commands.CaseState;
import app.escalate.commands.EventData;
import app.escalate.commands.SlaClock;
import app.escalate.commands.SlackText;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.commands.CaseDecision;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;
import app.escalate.config.RootCause;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The facts a draft may state, and nothing else: the case's fields, SLA clock, open tasks,
 * stakeholders, the people on it, the facts its type's fields hold ({@code fields}, "Label: value",
 * restricted ones left out: they never reach a model), the decisions taken and where their sign-off
 * stands ({@code decisions}), and its timeline as plain lines, newest
 * first, trimmed to a budget without ever cutting an event in half. Times are UTC, to the minute.
 */
public record CaseBrief(CaseId id, String title, String type, int severity, String state, Optional<UserId> owner,
                        UserId reporter, Instant openedAt, Optional<Instant> acknowledgedAt, Optional<SlaClock.Status> sla,
                        List<String> openTasks, List<String> stakeholders, Set<UserId> people, boolean restricted,
                        Optional<String> resolution, Optional<String> rootCause, List<String> timeline, int timelineLeftOut,
                        Set<Instant> knownTimes, Set<String> statesSeen, Optional<String> description, List<String> keyMoments,
                        int notes, Set<String> links, List<String> fields, List<String> decisions) {
    /** Events about the AI rather than the case, left out of what a draft is written from. */
    static final Set<CaseEvent.Kind> AI_FEEDBACK = java.util.EnumSet.of(CaseEvent.Kind.AI_FAILURE_TAGGED, CaseEvent.Kind.RUNBOOK_FLAGGED);


    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** About 1,500 tokens of timeline at ~4 characters a token: room for the facts, the prompt and the answer. */
    public static final int TIMELINE_BUDGET = 6_000;
    /** Settled decisions a draft is told of (the latest; every pending one too), and the characters of each. */
    static final int DECISIONS = 5;
    static final int DECISION = 600;

    public CaseBrief {
        openTasks = List.copyOf(openTasks);
        stakeholders = List.copyOf(stakeholders);
        people = Set.copyOf(people);
        timeline = List.copyOf(timeline);
        knownTimes = Set.copyOf(knownTimes);
        statesSeen = Set.copyOf(statesSeen);
        keyMoments = List.copyOf(keyMoments);
        links = Set.copyOf(links);
        fields = List.copyOf(fields);
        decisions = List.copyOf(decisions);
    }

    public static CaseBrief of(CaseFile file, List<CaseEvent> oldestFirst, Policy policy, Instant now, int budget) {
        Case c = file.details();
        Set<UserId> people = new LinkedHashSet<>(file.members());
        people.add(c.reporter());
        c.owner().ifPresent(people::add);
        Set<Instant> times = new LinkedHashSet<>();
        times.add(c.openedAt());
        c.acknowledged().ifPresent(a -> times.add(a.at()));
        c.resolution().ifPresent(r -> times.add(r.at()));
        var sla = policy.severity(c.severity().level());
        times.add(c.openedAt().plus(sla.ack()));
        times.add(c.openedAt().plus(sla.mitigate()));
        sla.resolveWithin().ifPresent(r -> times.add(c.openedAt().plus(r)));
        times.add(now);
        sla.execUpdateEvery().ifPresent(every -> times.add(now.plus(every)));   // "next update by …"
        Set<String> states = new LinkedHashSet<>(List.of(c.state().label(), "triage"));
        Optional<String> description = Optional.empty();
        for (CaseEvent e : oldestFirst) {
            if (e.data() instanceof EventData.StateChanged s) states.add(s.to().label());
            if (e.data() instanceof EventData.Resolved) states.add(CaseState.RESOLVED.label());
            if (e.data() instanceof EventData.Opened o && o.description().isPresent()) description = o.description();
        }
        // What the template may say without repeating anyone's free text: changes of state, severity, owner, people.
        List<String> moments = new ArrayList<>();
        int notes = 0;
        for (CaseEvent e : oldestFirst) {
            if (e.kind() == CaseEvent.Kind.NOTE_ADDED || e.kind() == CaseEvent.Kind.MESSAGE_PINNED) notes++;
            EventLines.keyMoment(e, policy).ifPresent(line -> moments.add(TIME.format(e.at()) + " — " + line));
        }
        Set<String> links = factLinks(c, description, oldestFirst, policy);
        List<String> fields = new ArrayList<>(fieldLines(file, policy, times, links));
        fields.addAll(deadlineLines(file, policy, times, now));
        List<String> lines = new ArrayList<>();
        int used = 0;
        int leftOut = 0;
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            CaseEvent e = oldestFirst.get(i);
            // Feedback on the AI itself is not a fact of the case: a draft must not repeat it (or the tagger's name).
            if (AI_FEEDBACK.contains(e.kind())) continue;
            times.add(e.at());
            String line = TIME.format(e.at()) + " — " + EventLines.of(e, policy);
            if (leftOut > 0 || used + line.length() + 1 > budget) {
                leftOut++;
                continue;
            }
            lines.add(line);
            used += line.length() + 1;
        }
        return new CaseBrief(c.id(), c.title(), c.caseType().flatMap(policy::caseType).map(CaseType::label).orElse("case"),
                c.severity().level(), c.state().label(), c.owner(), c.reporter(), c.openedAt(), c.acknowledged().map(a -> a.at()),
                SlaClock.of(c, sla, now), file.tasks().stream().filter(t -> !t.isDone()).map(CaseBrief::task).toList(),
                file.stakeholders().stream().sorted().toList(), people, c.restricted(), c.resolution().map(r -> r.text()),
                c.resolution().flatMap(r -> r.rootCause()).map(id -> policy.rootCause(id).map(RootCause::label).orElse(id)),
                lines, leftOut, times, states, description, moments, notes, links, fields, decisionLines(file, times));
    }

    /** The case's deadlines as facts ("Deadline regulator-reply: due … (breached)"), each due time one the draft may state. */
    private static List<String> deadlineLines(CaseFile file, Policy policy, Set<Instant> times, Instant now) {
        List<String> lines = new ArrayList<>();
        for (Deadlines.Deadline d : Deadlines.of(file, file.details().caseType().flatMap(policy::caseType))) {
            times.add(d.due());
            lines.add("Deadline " + d.name() + ": due " + TIME.format(d.due()) + " ("
                    + d.standing(now).name().toLowerCase(java.util.Locale.ROOT).replace("warned", "near").replace("running", "open") + ")");
        }
        return lines;
    }

    /**
     * The type's filled fields as "Label: value", in the policy's order, restricted ones left out; a
     * time one becomes a time the draft may state, a link one a link it may give.
     */
    private static List<String> fieldLines(CaseFile file, Policy policy, Set<Instant> times, Set<String> links) {
        List<String> lines = new ArrayList<>();
        file.details().caseType().flatMap(policy::caseType).ifPresent(type -> type.fields().forEach(f -> {
            Optional<String> value = file.field(f.id());
            if (value.isEmpty() || f.restricted()) return;
            String shown = switch (f.kind()) {
                case DATETIME -> {
                    Instant at = Instant.parse(value.get());
                    times.add(at);
                    yield TIME.format(at);
                }
                case USER -> "<@" + value.get() + ">";
                case URL -> {
                    links.addAll(Links.in(value.get()).keySet());
                    yield value.get();
                }
                default -> value.get();
            };
            lines.add(f.label() + ": " + shown);
        }));
        return lines;
    }

    /**
     * Each decision as a fact: what, why, instead of what, who decided and when, and where its
     * sign-off stands; its time is one a draft may state.
     */
    private static List<String> decisionLines(CaseFile file, Set<Instant> times) {
        // Bounded whatever a case holds: every pending decision, the latest settled ones, each line cut.
        List<CaseDecision> settled = file.decisions().stream().filter(d -> d.status() != CaseDecision.Status.PENDING).toList();
        Set<Integer> kept = new java.util.HashSet<>(settled.subList(Math.max(0, settled.size() - DECISIONS), settled.size()).stream()
                .map(CaseDecision::number).toList());
        return file.decisions().stream().filter(d -> d.status() == CaseDecision.Status.PENDING || kept.contains(d.number())).map(d -> {
            times.add(d.at());
            return "#" + d.number() + " " + d.text() + " (because " + d.rationale()
                    + d.alternatives().stream().map(a -> "; instead of " + a).collect(Collectors.joining())
                    + "), decided by <@" + d.decider().value() + "> at " + TIME.format(d.at()) + ": " + d.status().label()
                    + (d.status() == CaseDecision.Status.PENDING ? ", waiting on " + String.join(", ", d.waitingOn()) : "")
                    + d.objection().map(o -> ", " + o.group() + " objected: " + o.reason().orElse("")).orElse("")
                    + d.overruled().map(o -> ", overridden: " + o.reason()).orElse("");
        }).map(line -> SlackText.clip(line, DECISION)).toList();
    }

    /**
     * The links a draft may give: those in the case's title, description and resolution, the
     * permalinks Slack made for pinned messages, and the case type's runbook. A link only a note
     * or a task holds is not a fact: a note can ask the model to add anything.
     */
    private static Set<String> factLinks(Case c, Optional<String> description, List<CaseEvent> oldestFirst, Policy policy) {
        List<String> texts = new ArrayList<>(List.of(c.title()));
        description.ifPresent(texts::add);
        c.resolution().ifPresent(r -> texts.add(r.text()));
        oldestFirst.stream().flatMap(e -> e.as(EventData.MessagePinned.class).flatMap(EventData.MessagePinned::permalink).stream())
                .forEach(texts::add);
        c.caseType().flatMap(policy::caseType).ifPresent(t -> texts.addAll(t.runbook()));
        Set<String> links = new LinkedHashSet<>();
        texts.forEach(t -> links.addAll(Links.in(t).keySet()));
        return links;
    }

    private static String task(Task t) {
        return "#" + t.number() + " " + t.text() + t.assignee().map(a -> " (<@" + a.value() + ">)").orElse(" (unassigned)");
    }

    public String severityName() {
        return "SEV" + severity;
    }
}
