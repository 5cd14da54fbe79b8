package app.escalate.config;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a new case is triaged: the words the offline classifier looks for to suggest a severity and
 * the affected surfaces (case types carry their own {@code keywords}), and the routing rules that
 * decide whether a suggestion is applied at once or held for a person. The first rule that matches
 * decides; a suggestion no rule matches is held. {@code shadow_prompt} names a triage prompt version
 * on trial: with a model, it is asked beside the live prompt on each new case and its answer is
 * only recorded.
 */
public record Triage(Map<String, List<String>> severityKeywords, Map<String, List<String>> surfaces, List<RoutingRule> rules,
                     String shadowPrompt) {
    public static final Triage NONE = new Triage(Map.of(), Map.of(), List.of());

    /** Without a prompt version on trial. */
    public Triage(Map<String, List<String>> severityKeywords, Map<String, List<String>> surfaces, List<RoutingRule> rules) {
        this(severityKeywords, surfaces, rules, null);
    }

    public Triage {
        severityKeywords = keywords("severity_keywords", severityKeywords);
        for (String severity : severityKeywords.keySet()) {
            if (!Policy.SEVERITY_KEYS.contains(severity)) {
                throw new IllegalArgumentException("severity_keywords." + severity + ": one of " + Policy.SEVERITY_KEYS);
            }
        }
        surfaces = keywords("surfaces", surfaces);
        for (String surface : surfaces.keySet()) {
            if (!surface.matches("[a-z][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException("surfaces." + surface + ": surface ids are lowercase letters, digits and hyphens");
            }
        }
        rules = List.copyOf(rules == null ? List.of() : rules);
        if (shadowPrompt != null && !shadowPrompt.matches("triage\\.v[1-9]\\d{0,3}")) {
            throw new IllegalArgumentException("shadow_prompt: a triage prompt version such as triage.v1, got \"" + shadowPrompt + "\"");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!names.add(rules.get(i).name())) throw new IllegalArgumentException("rules[" + i + "].name: \"" + rules.get(i).name() + "\" is used twice");
        }
    }

    /** False when the policy has no {@code triage} section (or an empty one): then new cases are not triaged. */
    public boolean configured() {
        return !equals(NONE);
    }

    public java.util.Optional<String> shadowPromptVersion() {
        return java.util.Optional.ofNullable(shadowPrompt);
    }

    /** Lists of words or phrases, kept in lower case; none may be blank. */
    static Map<String, List<String>> keywords(String key, Map<String, List<String>> lists) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (lists == null) return out;
        lists.forEach((name, words) -> out.put(name, keywords(key + "." + name, words)));
        return java.util.Collections.unmodifiableMap(out);
    }

    static List<String> keywords(String key, List<String> words) {
        if (words == null || words.isEmpty()) throw new IllegalArgumentException(key + ": a list of words or phrases");
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i) == null || words.get(i).isBlank()) throw new IllegalArgumentException(key + "[" + i + "]: blank");
        }
        return words.stream().map(w -> w.strip().toLowerCase(Locale.ROOT)).toList();
    }
}
