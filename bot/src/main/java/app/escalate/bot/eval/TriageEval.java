package app.escalate.bot.eval;

import app.escalate.commands.Severity;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.Suggestion;
import app.escalate.commands.TriageStats;
import app.escalate.commands.triage.TriageModel;
import app.escalate.commands.triage.TriageRouting;
import app.escalate.commands.triage.Triager;
import app.escalate.config.Policy;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The triage surface's evaluation: every report of a fixture (the built-in one has 49, seven per
 * case type of the example policy, each with the type and severity a person gave it) is triaged as
 * a new case would be, by the configured model or, without one, the policy's keywords, and the
 * policy's routing rules say whether the suggestion would have been applied at once. A suggestion
 * is right when both its type and its severity are the person's: its confidence is that of the
 * less sure of the two, and the rules apply both together. It passes when all four hold:
 * <ul>
 *   <li>type accuracy at least {@link #TYPE_ACCURACY} (80 %): below that, the suggested type is
 *       corrected so often that it slows people down more than it helps;</li>
 *   <li>severity accuracy at least {@link #SEVERITY_ACCURACY} (60 %): severity is a judgment
 *       people disagree on too, and a wrong one only waits for a person unless applied;</li>
 *   <li>calibration error at most {@link #CALIBRATION_ERROR} (0.15): per band of confidence
 *       ({@link TriageStats#BANDS}), how far the share of right suggestions is from their mean
 *       confidence, weighted by the band's count (expected calibration error). The routing rules
 *       are written in confidences ("apply at 0.8"), so a confidence that does not mean what it
 *       says makes every rule wrong; 0.15 leaves room for a fixture of ~50 reports;</li>
 *   <li>wrong-applied rate at most {@link #WRONG_APPLIED} (10 %): of the suggestions the rules
 *       would have applied with nobody looking, how many were wrong. This is the one that hurts (a
 *       case silently filed under the wrong type or severity, with the wrong clocks and people);
 *       none applied counts as none wrong.</li>
 * </ul>
 */
public final class TriageEval {
    public static final double TYPE_ACCURACY = 0.8;
    public static final double SEVERITY_ACCURACY = 0.6;
    public static final double CALIBRATION_ERROR = 0.15;
    public static final double WRONG_APPLIED = 0.1;
    public static final String BUILT_IN = "/eval/triage-cases.yml";

    /** One report of the fixture: what the reporter wrote, and the type and severity a person decided. */
    public record TriageCase(String title, String description, String surface, String type, String severity) {
    }

    /** The fixture's file: a list under {@code cases}. */
    public record Fixture(List<TriageCase> cases) {
    }

    /** One report triaged: what was suggested, whether the rules would apply it, and what of it was right. */
    record Outcome(TriageCase expected, Suggestion suggestion, TriageRouting.Route route, boolean typeRight, boolean severityRight) {
        boolean right() {
            return typeRight && severityRight;
        }
    }

    /** Per band of confidence: how many suggestions, how many right, their mean confidence. */
    record Band(double lower, int count, int right, double meanConfidence) {
        double accuracy() {
            return count == 0 ? 0 : (double) right / count;
        }

        double gap() {
            return Math.abs(accuracy() - meanConfidence);
        }
    }

    /** The figures the thresholds are held against. */
    record Figures(double typeAccuracy, double severityAccuracy, List<Band> bands, double calibrationError, int applied, int wrongApplied) {
        double wrongAppliedRate() {
            return applied == 0 ? 0 : (double) wrongApplied / applied;
        }

        boolean passed() {
            return typeAccuracy >= TYPE_ACCURACY && severityAccuracy >= SEVERITY_ACCURACY && calibrationError <= CALIBRATION_ERROR
                    && wrongAppliedRate() <= WRONG_APPLIED;
        }
    }

    private TriageEval() {
    }

    /** Exit status: 0 passed, 1 below a threshold, 2 a fixture that cannot be used. */
    static int run(Optional<Path> file, Policy policy, Optional<TriageModel> model, PrintStream out, PrintStream err) {
        List<TriageCase> cases;
        try {
            cases = load(file);
            if (cases == null || cases.isEmpty()) throw new IllegalArgumentException("the fixture has no cases");
            for (TriageCase c : cases) {
                if (c.title() == null || c.title().isBlank()) throw new IllegalArgumentException("a case has no title");
                if (c.type() == null || policy.caseType(c.type()).isEmpty()) {
                    throw new IllegalArgumentException("\"" + c.title() + "\" has type " + c.type() + ", which the policy does not have");
                }
                if (c.severity() == null || Severity.parse(c.severity()).isEmpty()) {
                    throw new IllegalArgumentException("\"" + c.title() + "\" has no severity SEV1 to SEV4");
                }
            }
        } catch (IOException | RuntimeException e) {
            err.println("escalate eval: the triage fixture cannot be used: " + e.getMessage());
            return 2;
        }
        Triager triager = new Triager(policy, model);
        List<Outcome> outcomes = new ArrayList<>();
        out.printf(Locale.ROOT, "Triage: %d reports, suggested by %s, routed by the policy's rules%n", cases.size(),
                model.map(TriageModel::name).orElse("the policy's keywords"));
        out.println("#   expected                       suggested                      conf  right    routed");
        int n = 0;
        for (TriageCase c : cases) {
            SuggestedTriage s = triager.suggest(c.title(), Optional.ofNullable(c.description()), Optional.ofNullable(c.surface()),
                    Optional.empty(), policy.mayUseModel(Optional.empty(), false));
            Suggestion g = s.suggestion();
            Outcome o = new Outcome(c, g, TriageRouting.route(g, policy.triage()), g.typeId().filter(c.type()::equals).isPresent(),
                    g.severity().value() == Severity.parse(c.severity()).orElseThrow());
            outcomes.add(o);
            out.printf(Locale.ROOT, "%-3d %-30s %-30s %4.2f  %-8s %s%n", ++n, c.type() + " " + c.severity(),
                    g.typeId().orElse("none") + " " + g.severity().value().name(), g.confidence(),
                    o.right() ? "yes" : !o.typeRight() && !o.severityRight() ? "neither" : o.typeRight() ? "type" : "severity",
                    (o.route().apply() ? "applied" : "held") + o.route().rule().map(r -> " (" + r + ")").orElse(""));
            s.fellBack().filter(f -> model.isPresent()).ifPresent(f -> out.println("    ! the keywords suggested it: " + f));
        }
        Figures f = figures(outcomes);
        out.println("confidence band  suggestions  right   mean confidence  gap");
        for (Band b : f.bands()) {
            if (b.count() == 0) continue;
            out.printf(Locale.ROOT, "%-16s %11d  %5.1f %%  %15.2f  %4.2f%n", label(b.lower()), b.count(), b.accuracy() * 100,
                    b.meanConfidence(), b.gap());
        }
        out.printf(Locale.ROOT, "type accuracy %.1f %% (at least %.0f %%): %s%n", f.typeAccuracy() * 100, TYPE_ACCURACY * 100,
                verdict(f.typeAccuracy() >= TYPE_ACCURACY));
        out.printf(Locale.ROOT, "severity accuracy %.1f %% (at least %.0f %%): %s%n", f.severityAccuracy() * 100, SEVERITY_ACCURACY * 100,
                verdict(f.severityAccuracy() >= SEVERITY_ACCURACY));
        out.printf(Locale.ROOT, "calibration error %.3f (at most %.2f): %s%n", f.calibrationError(), CALIBRATION_ERROR,
                verdict(f.calibrationError() <= CALIBRATION_ERROR));
        out.printf(Locale.ROOT, "wrong applied %d of %d applied, %.1f %% (at most %.0f %%): %s%n", f.wrongApplied(), f.applied(),
                f.wrongAppliedRate() * 100, WRONG_APPLIED * 100, verdict(f.wrongAppliedRate() <= WRONG_APPLIED));
        out.println("triage: " + (f.passed() ? "PASS" : "FAIL"));
        return f.passed() ? 0 : 1;
    }

    static Figures figures(List<Outcome> outcomes) {
        int total = outcomes.size();
        List<Band> bands = new ArrayList<>();
        double error = 0;
        for (double lower : TriageStats.BANDS) {
            List<Outcome> in = outcomes.stream().filter(o -> TriageStats.band(o.suggestion().confidence()) == lower).toList();
            double mean = in.stream().mapToDouble(o -> o.suggestion().confidence()).average().orElse(0);
            Band b = new Band(lower, in.size(), (int) in.stream().filter(Outcome::right).count(), mean);
            bands.add(b);
            if (total > 0) error += (double) b.count() / total * b.gap();
        }
        int applied = (int) outcomes.stream().filter(o -> o.route().apply()).count();
        int wrongApplied = (int) outcomes.stream().filter(o -> o.route().apply() && !o.right()).count();
        return new Figures(share(outcomes.stream().filter(Outcome::typeRight).count(), total),
                share(outcomes.stream().filter(Outcome::severityRight).count(), total), bands, error, applied, wrongApplied);
    }

    private static double share(long count, int total) {
        return total == 0 ? 0 : (double) count / total;
    }

    private static String label(double lower) {
        int i = TriageStats.BANDS.indexOf(lower);
        return i == TriageStats.BANDS.size() - 1 ? String.format(Locale.ROOT, "%.1f-1.0", lower)
                : String.format(Locale.ROOT, "%.1f-%.1f", lower, TriageStats.BANDS.get(i + 1));
    }

    private static String verdict(boolean ok) {
        return ok ? "ok" : "FAIL";
    }

    static List<TriageCase> load(Optional<Path> fixture) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        if (fixture.isEmpty()) {
            try (InputStream in = TriageEval.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) throw new IllegalArgumentException(BUILT_IN + " is missing from the jar");
                return yaml.readValue(in, Fixture.class).cases();
            }
        }
        if (!Files.isReadable(fixture.get())) throw new IllegalArgumentException("cannot read " + fixture.get());
        return yaml.readValue(fixture.get().toFile(), Fixture.class).cases();
    }
}
