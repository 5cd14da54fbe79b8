package app.escalate.bot.render;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Task;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;
import app.escalate.config.RootCause;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The root-cause write-up drafted from the case and its timeline with a fixed template: what
 * happened, impact, timeline of key moments, root cause, what was done, follow-ups. Facts only;
 * what the record does not say is marked for the author to fill in.
 */
public final class RcaDraft {
    private static final String FILL_IN = "_to be written_";

    private final Policy policy;
    private final EventText events;

    public RcaDraft(Policy policy) {
        this.policy = policy;
        this.events = new EventText(policy);
    }

    public SlackMessage of(CaseFile file, List<CaseEvent> oldestFirst) {
        Case c = file.details();
        List<String> out = new ArrayList<>();
        out.add("*Root-cause write-up (draft from the timeline) — " + c.id() + ": " + Mrkdwn.escape(c.title()) + "*");
        out.add("*Summary*\n" + c.severity() + " " + c.caseType().flatMap(policy::caseType).map(CaseType::label)
                .map(Mrkdwn::escape).orElse("case") + ", opened " + Mrkdwn.date(c.openedAt()) + ", now " + c.state().label()
                + c.owner().map(o -> ", owned by " + Mrkdwn.user(o.value())).orElse("") + ".");
        out.add("*Impact*\n" + FILL_IN + " (who and what was affected, how widely, which surfaces and regions)");
        out.add("*Response times*\n" + measured("Acknowledged", c.acknowledged().map(a -> Duration.between(c.openedAt(), a.at())))
                + "\n" + measured("Mitigated", firstTimeIn(oldestFirst, "mitigated").map(t -> Duration.between(c.openedAt(), t)))
                + "\n" + measured("Resolved", c.resolution().map(r -> Duration.between(c.openedAt(), r.at()))));
        out.add("*Timeline*");
        oldestFirst.stream().filter(RcaDraft::isKeyMoment).forEach(e -> out.add("• " + Mrkdwn.date(e.at()) + " " + events.line(e)));
        out.add("*Root cause*\n" + c.resolution().flatMap(r -> r.rootCause())
                .map(id -> Mrkdwn.escape(policy.rootCause(id).map(RootCause::label).orElse(id))).orElse(FILL_IN));
        out.add("*Resolution*\n" + c.resolution().map(r -> Mrkdwn.escape(r.text())).orElse("_not resolved yet_"));
        out.add("*Follow-ups*\n" + (file.tasks().stream().noneMatch(t -> !t.isDone()) ? "_none open_"
                : String.join("\n", file.tasks().stream().filter(t -> !t.isDone()).map(RcaDraft::task).toList())));
        return SlackMessage.text(String.join("\n", out));
    }

    private static boolean isKeyMoment(CaseEvent e) {
        return e.kind() != CaseEvent.Kind.TASK_ADDED && e.kind() != CaseEvent.Kind.TASK_DONE;
    }

    private static Optional<java.time.Instant> firstTimeIn(List<CaseEvent> events, String state) {
        return events.stream().filter(e -> e.kind() == CaseEvent.Kind.STATE_CHANGED && state.equals(e.get("to")))
                .map(CaseEvent::at).findFirst();
    }

    private static String measured(String what, Optional<Duration> after) {
        return "• " + what + ": " + after.map(RcaDraft::human).orElse("_not yet_");
    }

    static String human(Duration d) {
        if (d.toMinutes() < 1) return d.toSeconds() + " s";
        if (d.toHours() < 1) return d.toMinutes() + " min";
        if (d.toDays() < 1) return d.toHours() + " h " + d.toMinutesPart() + " min";
        return d.toDays() + " d " + d.toHoursPart() + " h";
    }

    private static String task(Task t) {
        return "☐ " + t.number() + ". " + Mrkdwn.escape(t.text()) + t.assignee().map(a -> " (" + Mrkdwn.user(a.value()) + ")").orElse("");
    }
}
