package app.escalate.commands.summary;

import app.escalate.commands.DraftKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The versioned prompts ({@code /prompts/<kind>.v<n>.md}) and the case data they are given. Case
 * text goes in only between {@code <case_data>} tags, with anything in it that could close them
 * defused, so a note cannot pass itself off as instructions.
 */
public final class Prompts {
    /** The prompt version each kind uses now; a new version is a new file, so old drafts stay comparable. */
    public static final int EXEC_SUMMARY_VERSION = 1;
    public static final int RCA_VERSION = 1;

    private Prompts() {
    }

    public static Prompt of(DraftKind kind, CaseBrief brief) {
        String name = version(kind);
        return new Prompt(kind, name, load("/prompts/" + name + ".md"), data(brief));
    }

    /** The version {@code kind} drafts with now, e.g. {@code exec-summary.v1}: also its file's name. */
    public static String version(DraftKind kind) {
        return kind.id() + ".v" + (kind == DraftKind.EXEC_SUMMARY ? EXEC_SUMMARY_VERSION : RCA_VERSION);
    }

    public static String load(String resource) {
        try (InputStream in = Prompts.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing prompt " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case as labelled lines inside {@code <case_data>}. */
    static String data(CaseBrief b) {
        List<String> lines = new ArrayList<>();
        lines.add("<case_data>");
        lines.add("Case id: " + b.id());
        lines.add("Title: " + defuse(b.title()));
        lines.add("Type: " + defuse(b.type()));
        lines.add("Severity: " + b.severityName());
        lines.add("State: " + b.state());
        lines.add("Owner: " + b.owner().map(o -> "<@" + o.value() + ">").orElse("none yet"));
        lines.add("Reporter: <@" + b.reporter().value() + ">");
        lines.add("Opened: " + CaseBrief.TIME.format(b.openedAt()));
        lines.add("Acknowledged: " + b.acknowledgedAt().map(CaseBrief.TIME::format).orElse("not yet"));
        b.sla().ifPresent(s -> lines.add("SLA: " + s.clock() + " by " + CaseBrief.TIME.format(s.due()) + " (" + s.standing().label() + ")"));
        lines.add("Restricted: " + (b.restricted() ? "yes (legal-sensitive)" : "no"));
        if (!b.fields().isEmpty()) {
            lines.add("Facts recorded:");
            b.fields().forEach(f -> lines.add("- " + defuse(f)));
        }
        if (!b.decisions().isEmpty()) {
            lines.add("Decisions:");
            b.decisions().forEach(d -> lines.add("- " + defuse(d)));
        }
        lines.add("Stakeholders looped in: " + (b.stakeholders().isEmpty() ? "none" : String.join(", ", b.stakeholders())));
        lines.add("Open tasks: " + (b.openTasks().isEmpty() ? "none" : ""));
        b.openTasks().forEach(t -> lines.add("- " + defuse(t)));
        b.resolution().ifPresent(r -> lines.add("Resolution: " + defuse(r)));
        b.rootCause().ifPresent(r -> lines.add("Root cause: " + defuse(r)));
        lines.add("Timeline, newest first" + (b.timelineLeftOut() > 0 ? " (" + b.timelineLeftOut() + " older events left out)" : "") + ":");
        b.timeline().forEach(t -> lines.add("- " + defuse(t)));
        lines.add("</case_data>");
        return String.join("\n", lines);
    }

    /** Recorded text cannot open or close the data block. */
    public static String defuse(String text) {
        return text.replaceAll("(?i)<\\s*/?\\s*case_data\\s*>", "[case data tag removed]");
    }
}
