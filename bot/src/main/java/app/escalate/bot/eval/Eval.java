package app.escalate.bot.eval;

import app.escalate.bot.llm.LangChainSummaryModel;
import app.escalate.bot.search.Embedder;
import app.escalate.bot.search.MiniLmEmbedder;
import app.escalate.commands.DraftKind;
import app.escalate.commands.summary.Drafter;
import app.escalate.commands.summary.Rubric;
import app.escalate.commands.summary.SummaryModel;
import app.escalate.commands.triage.TriageModel;
import app.escalate.config.Policy;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code java -jar escalate.jar eval [--surface summary|rca|triage|similar] [--cases FILE]}: evaluates
 * the AI surfaces over their shipped fixtures (all of them, in that order, unless one is named;
 * {@code --cases} replaces the fixture of the one named, the summary's when none is). The summary:
 * drafts an executive summary for every case of the fixture with the configured model (the
 * template when there is none), checks and scores each with the {@link Rubric}, prints a table,
 * and fails below the threshold or on any injected claim. The root-cause write-up: see
 * {@link RcaEval}; triage: {@link TriageEval}; similar cases: {@link SimilarEval}.
 */
public final class Eval {
    public static final double THRESHOLD = 0.9;
    public static final String BUILT_IN = "/eval/cases.yml";

    private Eval() {
    }

    /** The surfaces {@code --surface} names, in the order they run. */
    public static final List<String> SURFACES = List.of("summary", "rca", "triage", "similar");

    /** Exit status: 0 every surface passed, 1 one fell below its threshold (or a summary had an injected claim, a write-up an invented cause), 2 bad arguments or fixture. */
    public static int run(List<String> args, Policy policy, Optional<SummaryModel> model, PrintStream out, PrintStream err) {
        return run(args, policy, model, MiniLmEmbedder::loading, out, err);
    }

    static int run(List<String> args, Policy policy, Optional<SummaryModel> model, Supplier<Embedder> embedder, PrintStream out, PrintStream err) {
        Optional<String> surface = Optional.empty();
        Optional<Path> cases = Optional.empty();
        for (int i = 0; i < args.size(); i += 2) {
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (value != null && args.get(i).equals("--surface") && surface.isEmpty()) surface = Optional.of(value);
            else if (value != null && args.get(i).equals("--cases") && cases.isEmpty()) cases = Optional.of(Path.of(value));
            else return usage(err);
        }
        if (surface.isPresent() && !SURFACES.contains(surface.get())) {
            err.println("escalate eval: no surface \"" + surface.get() + "\"; the surfaces are " + String.join(", ", SURFACES));
            return 2;
        }
        // --cases alone is the summary's fixture, as it was before there were other surfaces.
        if (cases.isPresent() && surface.isEmpty()) surface = Optional.of("summary");
        int status = 0;
        for (String s : surface.map(List::of).orElse(SURFACES)) {
            int one = switch (s) {
                case "summary" -> summary(cases, policy, model, out, err);
                case "rca" -> RcaEval.run(cases, policy, model, out, err);
                case "triage" -> TriageEval.run(cases, policy, triageModel(model), out, err);
                default -> SimilarEval.run(cases, embedder, out, err);
            };
            status = Math.max(status, one);
            out.println();
        }
        return status;
    }

    private static int usage(PrintStream err) {
        err.println("escalate eval: usage: eval [--surface " + String.join("|", SURFACES) + "] [--cases FILE]");
        return 2;
    }

    private static int summary(Optional<Path> file, Policy policy, Optional<SummaryModel> model, PrintStream out, PrintStream err) {
        List<EvalCase> cases;
        try {
            cases = load(file, BUILT_IN);
            if (cases == null || cases.isEmpty()) throw new IllegalArgumentException("the fixture has no cases");
            cases.forEach(c -> {
                c.file();
                c.timeline();
            });
        } catch (IOException | RuntimeException e) {
            err.println("escalate eval: the fixture cannot be used: " + e.getMessage());
            return 2;
        }
        Drafter drafter = new Drafter(policy, model);
        out.printf(Locale.ROOT, "Summary drafts: %d cases, model %s%n", cases.size(), model.map(SummaryModel::name).orElse("template"));
        out.println("case     type                       facts next length injection mentions words score  fell back");
        double total = 0;
        int injected = 0;
        for (EvalCase c : cases) {
            Drafter.Written w = drafter.write(DraftKind.EXEC_SUMMARY, c.file(), c.timeline(), c.now());
            Rubric.Score s = Rubric.score(w.text(), w.findings());
            total += s.value();
            if (!s.noInjectedClaims()) injected++;
            out.printf(Locale.ROOT, "ESC-%-4d %-26s %-5s %-4s %-6s %-9s %-8s %5d %5.2f  %s%n", c.id(), c.type(), mark(s.factsCorrect()),
                    mark(s.nextSteps()), mark(s.withinLength()), mark(s.noInjectedClaims()), mark(s.noUnknownMentions()), s.words(),
                    s.value(), w.fallback().isPresent() ? "yes" : "no");
            w.findings().forEach(f -> out.println("         ! " + f));
        }
        double mean = cases.isEmpty() ? 0 : total / cases.size();
        boolean passed = mean >= THRESHOLD && injected == 0;
        out.printf(Locale.ROOT, "mean score %.2f (threshold %.2f), %d with injected claims: %s%n", mean, THRESHOLD, injected,
                passed ? "PASS" : "FAIL");
        return passed ? 0 : 1;
    }

    private static String mark(boolean ok) {
        return ok ? "ok" : "FAIL";
    }

    /** The cases of {@code fixture}, or of the resource {@code builtIn} when none is given. */
    static List<EvalCase> load(Optional<Path> fixture, String builtIn) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        if (fixture.isEmpty()) {
            try (InputStream in = Eval.class.getResourceAsStream(builtIn)) {
                if (in == null) throw new IllegalArgumentException(builtIn + " is missing from the jar");
                return yaml.readValue(in, EvalCase.Fixture.class).cases();
            }
        }
        Path file = fixture.get();
        if (!Files.isReadable(file)) throw new IllegalArgumentException("cannot read " + file);
        return yaml.readValue(file.toFile(), EvalCase.Fixture.class).cases();
    }

    /** The configured model as triage asks it: the same model, when it can answer triage's questions. */
    private static Optional<TriageModel> triageModel(Optional<SummaryModel> model) {
        return model.filter(TriageModel.class::isInstance).map(TriageModel.class::cast);
    }

    /** The model the environment configures, for the command line. */
    public static Optional<SummaryModel> model(app.escalate.config.LlmSettings settings) {
        return LangChainSummaryModel.from(settings).map(m -> (SummaryModel) m);
    }
}
