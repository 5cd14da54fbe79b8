package app.escalate.bot.eval;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseStore;
import app.escalate.commands.EventData;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code eval export [--since 30d] [--include-restricted] [--to DIR]}: the overrides people tagged
 * with a failure mode, as eval cases, so the fixtures grow from real mistakes. Each tagged case
 * becomes a case of its surface's fixture, in that fixture's format ({@code summary-cases.yml},
 * {@code rca-cases.yml}, {@code triage-cases.yml}: {@code eval --surface triage --cases
 * DIR/triage-cases.yml} runs it), with the tag, the version and who tagged it in a comment above it. Restricted
 * cases stay out unless asked for by name of the flag: their facts are for their people.
 */
public final class EvalExport {
    private static final YAMLMapper YAML = YAMLMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    /** The surfaces whose tagged cases have a fixture to go to. */
    static final List<String> SURFACES = List.of("summary", "rca", "triage");

    /** What was asked for: the window, whether restricted cases go too, and where the files go. */
    record Request(Duration since, boolean includeRestricted, Path to) {
    }

    private EvalExport() {
    }

    /** Exit status: 0 written (also when nothing was tagged), 2 bad arguments or a directory it cannot write. */
    public static int run(List<String> args, CaseStore cases, Clock clock, PrintStream out, PrintStream err) {
        Optional<Request> request = request(args, err);
        if (request.isEmpty()) return 2;
        try {
            Map<String, List<String>> written = export(request.get(), cases, clock.instant());
            out.printf("Tagged overrides since %s, as eval cases in %s%s:%n", request.get().since().toDays() + "d", request.get().to(),
                    request.get().includeRestricted() ? " (restricted cases included)" : "");
            if (written.isEmpty()) out.println("  none tagged in the window.");
            written.forEach((file, entries) -> out.printf("  %s: %d %s%n", file, entries.size(), entries.size() == 1 ? "case" : "cases"));
            return 0;
        } catch (UncheckedIOException e) {
            err.println("escalate eval export: cannot write to " + request.get().to() + ": " + e.getCause().getMessage());
            return 2;
        }
    }

    static Optional<Request> request(List<String> args, PrintStream err) {
        Duration since = Duration.ofDays(30);
        boolean restricted = false;
        Path to = Path.of("eval-export");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (a.equals("--include-restricted")) {
                restricted = true;
            } else if (a.equals("--since") && value != null && value.matches("[1-9]\\d{0,3}d")) {
                since = Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)));
                i++;
            } else if (a.equals("--to") && value != null && !value.isBlank()) {
                to = Path.of(value);
                i++;
            } else {
                err.println("escalate eval export: usage: eval export [--since <days>d] [--include-restricted] [--to DIR]"
                        + (a.equals("--since") ? " (a window such as 30d)" : ""));
                return Optional.empty();
            }
        }
        return Optional.of(new Request(since, restricted, to));
    }

    /** Writes one fixture per surface that has tagged cases; by file name, the comment line of each case written. */
    static Map<String, List<String>> export(Request request, CaseStore cases, Instant now) {
        List<CaseEvent> tags = cases.events(now.minus(request.since()), now.plusMillis(1), Set.of(CaseEvent.Kind.AI_FAILURE_TAGGED));
        // The latest tag of each override stands; a case is exported once per surface, with every tag it has there.
        Map<String, CaseEvent> latest = new LinkedHashMap<>();
        for (CaseEvent e : tags) latest.put(e.caseId().number() + "|" + ((EventData.FailureTagged) e.data()).subject(), e);
        Map<String, Map<CaseId, List<String>>> bySurface = new TreeMap<>();
        for (CaseEvent e : latest.values()) {
            EventData.FailureTagged t = (EventData.FailureTagged) e.data();
            if (!SURFACES.contains(t.surface())) continue;   // a runbook's tree has no offline eval
            bySurface.computeIfAbsent(t.surface(), s -> new TreeMap<>(java.util.Comparator.comparingLong(CaseId::number)))
                    .computeIfAbsent(e.caseId(), id -> new ArrayList<>())
                    .add(t.subject() + " (" + t.version() + ") tagged " + t.mode() + " by " + e.actor().value() + " on " + e.at());
        }
        Map<String, List<String>> written = new TreeMap<>();
        // A file of an earlier run (perhaps with restricted cases) is not left to read as this run's.
        for (String surface : SURFACES) {
            try {
                Files.deleteIfExists(request.to().resolve(surface + "-cases.yml"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        bySurface.forEach((surface, byCase) -> {
            StringBuilder yaml = new StringBuilder("# Exported from tagged overrides on " + now + "; each case's facts as they stand now.\ncases:\n");
            List<String> entries = new ArrayList<>();
            byCase.forEach((id, lines) -> {
                Optional<CaseFile> file = cases.file(id);
                if (file.isEmpty() || (file.get().details().restricted() && !request.includeRestricted())) return;
                Optional<Object> item = item(surface, file.get(), cases.timeline(id));
                if (item.isEmpty()) return;
                lines.forEach(line -> yaml.append("  # ").append(id).append(": ").append(line).append('\n'));
                yaml.append(indented(item.get()));
                entries.add(id.toString());
            });
            if (entries.isEmpty()) return;
            String name = surface + "-cases.yml";
            try {
                Files.createDirectories(request.to());
                Files.writeString(request.to().resolve(name), yaml);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written.put(name, entries);
        });
        return written;
    }

    /**
     * The case as its surface's fixture has it: a draft's case with its facts, or a triage report
     * with the type and severity people gave it (none when they gave it no type: nothing to score).
     */
    private static Optional<Object> item(String surface, CaseFile file, List<CaseEvent> timeline) {
        EvalCase c = EvalCase.of(file, timeline);
        if (!surface.equals("triage")) return Optional.of(c);
        return Optional.ofNullable(c.type()).map(type -> new TriageEval.TriageCase(c.title(), c.description(),
                file.details().surface().orElse(null), type, c.severity()));
    }

    /** The case as one item of the fixture's {@code cases} list. */
    private static String indented(Object c) {
        try {
            String item = YAML.writeValueAsString(List.of(c));
            return item.lines().map(l -> "  " + l).reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an eval case could not be written", e);
        }
    }
}
