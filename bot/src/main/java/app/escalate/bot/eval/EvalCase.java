package app.escalate.bot.eval;

import app.escalate.commands.Acknowledgement;
import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.EventData;
import app.escalate.commands.Paging;
import app.escalate.commands.Resolution;
import app.escalate.commands.Severity;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.config.DurationText;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One case of an eval fixture, as written in {@code eval/cases.yml} or {@code eval/rca-cases.yml},
 * and the case file and timeline it stands for. A resolved case (the root-cause write-up's) also
 * has its {@code resolution}, {@code root_cause} (an id of the policy's root causes) and when it
 * was resolved ({@code resolved_after}, from opening, after its notes).
 */
public record EvalCase(long id, String title, String type, String severity, String state, String reporter, String owner,
                       Instant opened, @JsonProperty("acknowledged_after") String acknowledgedAfter, boolean restricted,
                       String description, List<String> stakeholders, List<String> tasks, List<String> notes,
                       String resolution, @JsonProperty("root_cause") String rootCause,
                       @JsonProperty("resolved_after") String resolvedAfter) {

    /** The fixture's file: a list under {@code cases}. */
    public record Fixture(List<EvalCase> cases) {
    }

    public EvalCase {
        stakeholders = stakeholders == null ? List.of() : List.copyOf(stakeholders);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * A stored case as a fixture case: its facts as they stand, its description, stakeholders,
     * tasks, notes and resolution; the owner is whoever owns it, else whoever acknowledged it, else its reporter.
     */
    public static EvalCase of(CaseFile file, List<CaseEvent> timeline) {
        Case c = file.details();
        String description = timeline.stream().flatMap(e -> e.as(EventData.Opened.class).stream()).findFirst()
                .flatMap(EventData.Opened::description).orElse(null);
        List<String> notes = timeline.stream().flatMap(e -> e.as(EventData.NoteAdded.class).stream()).map(EventData.NoteAdded::text).toList();
        UserId owner = c.owner().or(() -> c.acknowledged().map(Acknowledgement::by)).orElse(c.reporter());
        return new EvalCase(c.id().number(), c.title(), c.caseType().orElse(null), c.severity().name(), c.state().label(), c.reporter().value(),
                owner.value(), c.openedAt(), c.acknowledged().map(a -> Duration.between(c.openedAt(), a.at()).toString()).orElse(null),
                c.restricted(), description, file.stakeholders().stream().sorted().toList(), file.tasks().stream().map(Task::text).toList(), notes,
                c.resolution().map(Resolution::text).orElse(null), c.resolution().flatMap(Resolution::rootCause).orElse(null),
                c.resolution().map(r -> Duration.between(c.openedAt(), r.at()).toString()).orElse(null));
    }

    /** When the draft is asked for: three hours in, after everything on the timeline (an hour after the resolution, if later). */
    public Instant now() {
        Instant threeHours = opened.plus(Duration.ofHours(3));
        return resolvedAt().map(at -> at.plus(Duration.ofHours(1))).filter(at -> at.isAfter(threeHours)).orElse(threeHours);
    }

    /** When a resolved case was resolved. */
    public Optional<Instant> resolvedAt() {
        return Optional.ofNullable(resolution).map(r -> opened.plus(resolvedAfter == null ? Duration.ofHours(2)
                : DurationText.parse(resolvedAfter)));
    }

    public CaseFile file() {
        CaseId caseId = new CaseId(id);
        UserId by = new UserId(owner);
        Optional<Acknowledgement> ack = Optional.ofNullable(acknowledgedAfter)
                .map(after -> new Acknowledgement(by, opened.plus(DurationText.parse(after))));
        Case c = new Case(caseId, title, Severity.parse(severity).orElseThrow(), CaseState.parse(state).orElseThrow(),
                Optional.ofNullable(type), Optional.empty(), new UserId(reporter), Optional.of(by), opened, Optional.empty(), ack,
                resolvedAt().map(at -> new Resolution(resolution, Optional.ofNullable(rootCause), by, at)), restricted);
        List<Task> open = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            open.add(new Task(i + 1, tasks.get(i), Optional.of(by), by, opened.plus(Duration.ofMinutes(20 + i)), Optional.empty(), Optional.empty()));
        }
        Set<UserId> members = new HashSet<>(List.of(by, new UserId(reporter)));
        return new CaseFile(c, open, Set.copyOf(stakeholders), members, Paging.NONE, Optional.empty());
    }

    /** Oldest first: opened, acknowledged, stakeholders looped in, tasks added, the notes ten minutes apart, then the resolution. */
    public List<CaseEvent> timeline() {
        CaseFile f = file();
        Case c = f.details();
        List<CaseEvent> events = new ArrayList<>();
        events.add(CaseEvent.opened(c, Optional.ofNullable(description)));
        c.acknowledged().ifPresent(a -> events.add(new CaseEvent(c.id(), a.at(), a.by(),
                new EventData.Acknowledged(Optional.of(Duration.between(opened, a.at()))))));
        UserId by = c.owner().orElseThrow();
        for (String group : stakeholders) {
            events.add(new CaseEvent(c.id(), opened.plus(Duration.ofMinutes(15)), by, new EventData.GroupLooped(group, List.of())));
        }
        for (Task t : f.tasks()) {
            events.add(new CaseEvent(c.id(), t.createdAt(), by, new EventData.TaskAdded(t.number(), t.text(), Optional.empty())));
        }
        for (int i = 0; i < notes.size(); i++) {
            events.add(new CaseEvent(c.id(), opened.plus(Duration.ofMinutes(40L + 10L * i)), i % 2 == 0 ? by : c.reporter(),
                    new EventData.NoteAdded(notes.get(i))));
        }
        c.resolution().ifPresent(r -> events.add(new CaseEvent(c.id(), r.at(), by,
                new EventData.Resolved(CaseState.MONITORING, r.text(), r.rootCause()))));
        return events;
    }
}
