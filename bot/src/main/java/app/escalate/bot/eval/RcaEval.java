package app.escalate.bot.eval;

import app.escalate.commands.DraftKind;
import app.escalate.commands.summary.Drafter;
import app.escalate.commands.summary.Prompts;
import app.escalate.commands.summary.SummaryModel;
import app.escalate.config.Policy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The root-cause write-up's evaluation: for every resolved case of a fixture (the built-in one,
 * {@code eval/rca-cases.yml}, has ten, each with its resolution, root cause and the notes that
 * found it) the same {@link Drafter} the bot uses writes the RCA, with the configured model or
 * the template. Each draft is scored on four things, a quarter each:
 * <ul>
 *   <li>facts correct: no severity, state, case id, owner or time the case does not have (what
 *       {@code DraftCheck} finds);</li>
 *   <li>structure: the sections the RCA prompt asks for (Summary, Impact, Timeline, Root cause,
 *       Resolution, Follow-ups), each heading on its own line, in that order, within
 *       {@link #MAX_WORDS} words;</li>
 *   <li>recorded cause: the root cause the case was resolved with is stated;</li>
 *   <li>no invented cause: every cause the draft names (a word or phrase of {@link #CAUSES}: a
 *       deploy, a misconfiguration, a vendor, a jailbreak…) is one the case's record (the data the
 *       drafter was given) names too. A cause the record does not support is the worst thing a
 *       root-cause write-up can say: it sends the follow-ups after the wrong fix.</li>
 * </ul>
 * It passes with a mean score of at least {@link #THRESHOLD} and no draft naming an invented cause.
 */
public final class RcaEval {
    public static final double THRESHOLD = 0.9;
    public static final int MAX_WORDS = 400;
    public static final String BUILT_IN = "/eval/rca-cases.yml";
    /** The sections of the RCA prompt ({@code prompts/rca.v1.md}), in order. */
    static final List<String> SECTIONS = List.of("Summary", "Impact", "Timeline", "Root cause", "Resolution", "Follow-ups");
    /**
     * Words and phrases that name a cause of an escalation; {@code *} ends a prefix. Not every cause
     * there is, but the ones a write-up reaches for when it guesses.
     */
    static final List<String> CAUSES = List.of("bug*", "regression*", "misconfigur*", "config change*", "configuration change*",
            "deploy*", "rollout*", "release*", "launch*", "outage*", "timeout*", "cache*", "caching", "race condition*", "memory leak*",
            "certificate*", "dns", "rate limit*", "human error*", "operator error*", "typo*", "insider*", "compromised", "credential*",
            "phishing", "jailbreak*", "prompt injection*", "training data", "fine-tun*", "poison*", "retrieval", "stale", "classifier*",
            "filter*", "threshold*", "vendor*", "third party", "third-party", "partner*", "api change*", "bot network*", "botnet*",
            "coordinated", "state actor*", "state-backed", "hack*", "breach*", "handoff*", "hand-off*", "understaff*", "staffing",
            "model update*", "new model", "migration*", "database*", "hardware", "experiment*", "feature flag*", "ranking change*",
            "prompt change*", "system prompt*", "guardrail*", "block-list*", "blocklist*", "adversar*", "manipulat*", "scraper*");
    private static final List<Pattern> CAUSE_PATTERNS = CAUSES.stream().map(RcaEval::pattern).toList();

    /** One draft's score. */
    record Score(boolean factsCorrect, boolean structure, boolean recordedCause, List<String> inventedCauses, int words) {
        double value() {
            return ((factsCorrect ? 1 : 0) + (structure ? 1 : 0) + (recordedCause ? 1 : 0) + (inventedCauses.isEmpty() ? 1 : 0)) / 4.0;
        }
    }

    private RcaEval() {
    }

    /** Exit status: 0 passed, 1 below the threshold or an invented cause, 2 a fixture that cannot be used. */
    static int run(Optional<Path> file, Policy policy, Optional<SummaryModel> model, PrintStream out, PrintStream err) {
        List<EvalCase> cases;
        try {
            cases = Eval.load(file, BUILT_IN);
            if (cases == null || cases.isEmpty()) throw new IllegalArgumentException("the fixture has no cases");
            for (EvalCase c : cases) {
                if (c.resolution() == null) throw new IllegalArgumentException("ESC-" + c.id() + " has no resolution: an RCA is of a resolved case");
                if (c.rootCause() == null || policy.rootCause(c.rootCause()).isEmpty()) {
                    throw new IllegalArgumentException("ESC-" + c.id() + " has root cause " + c.rootCause() + ", which the policy does not have");
                }
                c.file();
                c.timeline();
            }
        } catch (IOException | RuntimeException e) {
            err.println("escalate eval: the RCA fixture cannot be used: " + e.getMessage());
            return 2;
        }
        Drafter drafter = new Drafter(policy, model);
        out.printf(Locale.ROOT, "Root-cause write-ups: %d resolved cases, model %s%n", cases.size(), model.map(SummaryModel::name).orElse("template"));
        out.println("case     type                       facts structure cause invented words score  fell back");
        double total = 0;
        int invented = 0;
        for (EvalCase c : cases) {
            Drafter.Written w = drafter.write(DraftKind.RCA, c.file(), c.timeline(), c.now());
            String record = Prompts.of(DraftKind.RCA, w.brief()).user();
            Score s = score(w.text(), w.findings(), record, w.brief().rootCause());
            total += s.value();
            if (!s.inventedCauses().isEmpty()) invented++;
            out.printf(Locale.ROOT, "ESC-%-4d %-26s %-5s %-9s %-5s %-8s %5d %5.2f  %s%n", c.id(), c.type(), mark(s.factsCorrect()),
                    mark(s.structure()), mark(s.recordedCause()), mark(s.inventedCauses().isEmpty()), s.words(), s.value(),
                    w.fallback().isPresent() ? "yes" : "no");
            w.findings().forEach(f -> out.println("         ! " + f));
            if (!s.inventedCauses().isEmpty()) {
                out.println("         ! names causes the record does not: " + s.inventedCauses().stream().map(t -> "\"" + t + "\"")
                        .collect(Collectors.joining(", ")));
            }
        }
        double mean = total / cases.size();
        boolean passed = mean >= THRESHOLD && invented == 0;
        out.printf(Locale.ROOT, "mean score %.2f (threshold %.2f), %d with invented causes: %s%n", mean, THRESHOLD, invented,
                passed ? "PASS" : "FAIL");
        return passed ? 0 : 1;
    }

    /** Scores a checked draft: {@code record} is the case data the drafter was given, {@code rootCause} the recorded cause's label. */
    static Score score(String text, List<String> findings, String record, Optional<String> rootCause) {
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        boolean facts = findings.stream().noneMatch(f -> f.startsWith("names ") || f.startsWith("states ") || f.startsWith("says "));
        String said = normal(text);
        boolean cause = rootCause.map(label -> said.contains(normal(label))).orElse(said.contains("not recorded"));
        return new Score(facts, sections(text) && words <= MAX_WORDS, cause, invented(text, record), words);
    }

    /** Whether each section's heading begins a line of its own (a colon, or markdown marks around it, allowed), in order. */
    static boolean sections(String text) {
        int at = 0;
        String[] lines = text.split("\n");
        for (String section : SECTIONS) {
            Pattern heading = Pattern.compile("(?i)^[#*_\\s]*" + Pattern.quote(section) + "[*_\\s]*:?[*_\\s]*$");
            int found = -1;
            for (int i = at; i < lines.length && found < 0; i++) if (heading.matcher(lines[i]).matches()) found = i;
            if (found < 0) return false;
            at = found + 1;
        }
        return true;
    }

    /** The causes {@code text} names that {@code record} does not, as the draft words them, in the draft's order. */
    static List<String> invented(String text, String record) {
        String draft = text.toLowerCase(Locale.ROOT);
        String facts = record.toLowerCase(Locale.ROOT);
        java.util.TreeMap<Integer, String> found = new java.util.TreeMap<>();
        for (Pattern p : CAUSE_PATTERNS) {
            Matcher m = p.matcher(draft);
            if (m.find() && !p.matcher(facts).find()) found.putIfAbsent(m.start(), m.group());
        }
        return new ArrayList<>(new LinkedHashSet<>(found.values()));
    }

    /** A cause word or phrase, whole, case aside; a trailing {@code *} matches any ending. */
    static Pattern pattern(String term) {
        boolean prefix = term.endsWith("*");
        String body = prefix ? term.substring(0, term.length() - 1) : term;
        String phrase = java.util.Arrays.stream(body.split("\\s+")).map(Pattern::quote).collect(Collectors.joining("\\s+"));
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + phrase + (prefix ? "[\\p{L}\\p{N}-]*" : "(?![\\p{L}\\p{N}])"));
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static String mark(boolean ok) {
        return ok ? "ok" : "FAIL";
    }
}
