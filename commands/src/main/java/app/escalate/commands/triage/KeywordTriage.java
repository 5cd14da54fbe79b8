package app.escalate.commands.triage;

import app.escalate.commands.Guess;
import app.escalate.commands.Severity;
import app.escalate.commands.Suggestion;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Triage without a model: the words of the policy ({@code case_types[].keywords},
 * {@code triage.severity_keywords}, {@code triage.surfaces}) looked for in the case's text. More
 * matching words mean more confidence; a type tied with another is less sure. Whole words or
 * phrases match, case aside; a word ending in {@code *} matches as a prefix.
 */
public final class KeywordTriage {
    /** The source recorded for these suggestions, in place of a model and prompt version. */
    public static final String SOURCE = "keywords";

    private final Policy policy;
    private final Map<String, List<Word>> types = new LinkedHashMap<>();
    private final Map<Severity, List<Word>> severities = new LinkedHashMap<>();
    private final Map<String, List<Word>> surfaces = new LinkedHashMap<>();

    private record Word(String text, Pattern pattern) {
    }

    public KeywordTriage(Policy policy) {
        this.policy = policy;
        for (CaseType type : policy.caseTypes()) types.put(type.id(), words(type.keywords()));
        for (Severity severity : Severity.values()) {
            List<String> words = policy.triage().severityKeywords().get(severity.name());
            if (words != null) severities.put(severity, words(words));
        }
        policy.triage().surfaces().forEach((surface, words) -> surfaces.put(surface, words(words)));
    }

    public Suggestion suggest(String caseText) {
        String text = caseText.toLowerCase(Locale.ROOT);
        Set<String> matched = new LinkedHashSet<>();

        String bestType = null;
        List<String> bestHits = List.of();
        int runnerUp = 0;
        for (var entry : types.entrySet()) {
            List<String> hits = hits(entry.getValue(), text);
            if (hits.size() > bestHits.size()) {
                runnerUp = bestHits.size();
                bestHits = hits;
                bestType = entry.getKey();
            } else if (hits.size() > runnerUp) {
                runnerUp = hits.size();
            }
        }
        int best = bestHits.size();
        matched.addAll(bestHits);
        Optional<Guess<String>> type = bestType == null ? Optional.empty()
                : Optional.of(new Guess<>(bestType, byCount(best) - (runnerUp == best ? 0.2 : 0)));

        Guess<Severity> severity = null;
        for (var entry : severities.entrySet()) {
            List<String> hits = hits(entry.getValue(), text);
            if (!hits.isEmpty()) {
                matched.addAll(hits);
                severity = new Guess<>(entry.getKey(), byCount(hits.size()));
                break;
            }
        }
        if (severity == null) {
            // Nothing says how bad: the type's usual severity, as sure as the type is; else the default, unsure.
            severity = type.map(t -> new Guess<>(Severity.ofLevel(policy.caseType(t.value()).orElseThrow().defaultSeverityLevel()),
                    Math.min(0.6, t.confidence()))).orElse(new Guess<>(Severity.DEFAULT, 0.3));
        }

        List<String> found = new ArrayList<>();
        int surfaceHits = 0;
        for (var entry : surfaces.entrySet()) {
            List<String> hits = hits(entry.getValue(), text);
            if (!hits.isEmpty()) {
                found.add(entry.getKey());
                surfaceHits += hits.size();
                matched.addAll(hits);
            }
        }
        Guess<List<String>> affected = new Guess<>(found, found.isEmpty() ? 0 : byCount(surfaceHits) - 0.1 * (found.size() - 1));

        Suggestion draft = new Suggestion(type, severity, affected, new Guess<>("", 0));
        String rationale = matched.isEmpty() ? "No policy keyword in the case's text; the default severity, unsure."
                : "Policy keywords in the case's text: " + matched.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(", ")) + ".";
        return new Suggestion(type, severity, affected, new Guess<>(rationale, draft.confidence()));
    }

    /** One word: a hint. Two: likely. Three or more: confident. */
    private static double byCount(int hits) {
        return hits >= 3 ? 0.85 : hits == 2 ? 0.7 : 0.55;
    }

    private static List<String> hits(List<Word> words, String text) {
        return words.stream().filter(w -> w.pattern().matcher(text).find()).map(Word::text).toList();
    }

    /** Each keyword as shown in a rationale (without its {@code *}) and the pattern that finds it. */
    private static List<Word> words(List<String> keywords) {
        return keywords.stream().map(k -> new Word(k.endsWith("*") ? k.substring(0, k.length() - 1) : k, pattern(k))).toList();
    }

    static Pattern pattern(String keyword) {
        boolean prefix = keyword.endsWith("*");
        String body = prefix ? keyword.substring(0, keyword.length() - 1) : keyword;
        String phrase = java.util.Arrays.stream(body.strip().split("\\s+")).map(Pattern::quote).collect(Collectors.joining("\\s+"));
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + phrase + (prefix ? "" : "(?![\\p{L}\\p{N}])"));
    }
}
