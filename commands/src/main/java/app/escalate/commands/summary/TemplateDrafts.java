package app.escalate.commands.summary;

import app.escalate.commands.DraftKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drafts written from the facts alone, without a model: used when no model is configured and
 * whenever the model fails or times out. Deterministic, so a test can know every word.
 */
public final class TemplateDrafts {
    private TemplateDrafts() {
    }

    public static String of(DraftKind kind, CaseBrief b, Optional<Duration> updateEvery, Instant now) {
        return kind == DraftKind.EXEC_SUMMARY ? execSummary(b, updateEvery, now) : rca(b);
    }

    static String execSummary(CaseBrief b, Optional<Duration> updateEvery, Instant now) {
        List<String> out = new ArrayList<>();
        out.add("Bottom line: " + b.id() + " (" + b.severityName() + ", " + b.state() + "): " + b.title() + ".");
        out.add("Impact: " + b.description().map(d -> "as reported, " + clip(d, 300)).orElse("unknown so far") + ".");
        if (!b.fields().isEmpty()) out.add("Facts: " + String.join("; ", b.fields().stream().map(f -> clip(f, 200)).toList()) + ".");
        out.add("Current state: " + b.severityName() + ", " + b.state() + ", owner "
                + b.owner().map(o -> "<@" + o.value() + ">").orElse("not assigned yet")
                + b.sla().map(s -> "; " + s.clock() + " due " + CaseBrief.TIME.format(s.due()) + " (" + s.standing().label() + ")").orElse("")
                + (b.stakeholders().isEmpty() ? "" : "; looped in: " + String.join(", ", b.stakeholders())) + ".");
        List<String> moments = b.keyMoments().subList(Math.max(0, b.keyMoments().size() - 3), b.keyMoments().size());
        out.add("Done so far: " + (moments.isEmpty() ? "nothing recorded yet" : String.join("; ", moments))
                + (b.notes() == 0 ? "" : "; " + b.notes() + (b.notes() == 1 ? " note" : " notes") + " on the timeline") + ".");
        out.add("Next: " + (b.openTasks().isEmpty() ? "no open tasks recorded" : String.join("; ", b.openTasks().stream().limit(2)
                .map(t -> clip(t, 120)).toList())) + ". Next update " + updateEvery.map(every -> "by "
                + CaseBrief.TIME.format(now.plus(every))).orElse("when the state changes") + ".");
        if (!b.decisions().isEmpty()) out.add("Decisions: " + String.join("; ", b.decisions().stream().map(d -> clip(d, 300)).toList()) + ".");
        out.add("Asks: none recorded.");
        return String.join("\n", out);
    }

    static String rca(CaseBrief b) {
        List<String> out = new ArrayList<>();
        out.add("Summary");
        out.add(b.id() + " (" + b.severityName() + ", " + b.state() + "): " + b.title() + ". Opened "
                + CaseBrief.TIME.format(b.openedAt()) + b.owner().map(o -> ", owned by <@" + o.value() + ">").orElse("") + ".");
        out.add("Impact");
        out.add(b.description().map(d -> "As reported: " + clip(d, 300)).orElse("Unknown so far."));
        b.fields().forEach(f -> out.add("- " + clip(f, 300)));
        if (!b.decisions().isEmpty()) {
            out.add("Decisions");
            b.decisions().forEach(d -> out.add("- " + clip(d, 400)));
        }
        out.add("Timeline");
        b.keyMoments().forEach(l -> out.add("- " + clip(l, 200)));
        out.add("Root cause");
        out.add(b.rootCause().orElse("Not recorded yet."));
        out.add("Resolution");
        out.add(b.resolution().orElse("Not resolved yet."));
        out.add("Follow-ups");
        if (b.openTasks().isEmpty()) out.add("None open.");
        b.openTasks().forEach(t -> out.add("- " + t));
        return String.join("\n", out);
    }

    private static String clip(String text, int max) {
        return app.escalate.commands.SlackText.clip(text, max);
    }
}
