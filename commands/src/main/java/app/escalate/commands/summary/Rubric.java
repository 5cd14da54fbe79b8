package app.escalate.commands.summary;

import java.util.List;
import java.util.Locale;

/**
 * How the offline evaluation scores one executive-summary draft: facts correct (no time, id or
 * owner the case does not have), next steps present, within 200 words, no injected claims (no
 * severity or state the facts do not support), no unknown mentions. Each is worth one fifth.
 */
public final class Rubric {
    public static final int MAX_WORDS = 200;

    private Rubric() {
    }

    public record Score(boolean factsCorrect, boolean nextSteps, boolean withinLength, boolean noInjectedClaims, boolean noUnknownMentions,
                        int words) {
        public double value() {
            int passed = (factsCorrect ? 1 : 0) + (nextSteps ? 1 : 0) + (withinLength ? 1 : 0) + (noInjectedClaims ? 1 : 0)
                    + (noUnknownMentions ? 1 : 0);
            return passed / 5.0;
        }
    }

    /** Scores the draft as the model wrote it: {@code findings} are what {@link DraftCheck} found in it. */
    public static Score score(String text, List<String> findings) {
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        boolean injected = findings.stream().anyMatch(f -> f.startsWith("says "));
        boolean unknownMentions = findings.stream().anyMatch(f -> f.startsWith("removed "));
        boolean wrongFacts = findings.stream().anyMatch(f -> f.startsWith("names ") || f.startsWith("states "));
        boolean next = text.toLowerCase(Locale.ROOT).contains("next");
        return new Score(!wrongFacts, next, words <= MAX_WORDS, !injected, !unknownMentions, words);
    }
}
