package app.escalate.config;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One rule of the team's encoded judgment about AI triage: when a suggestion matches {@code when},
 * {@code then} says whether it is applied at once ({@code apply}) or waits for a person
 * ({@code hold}). Every condition given must hold: the suggested {@code type}, the suggested
 * {@code severity}, and the suggestion's confidence (its least sure field) {@code at_least} or
 * {@code below} a bound. A {@code shadow} rule decides nothing: live routing skips it, and what it
 * would have done is only recorded beside the live decision, so a team can try a rule before
 * trusting it.
 */
public record RoutingRule(String name, When when, String then, String owner, LocalDate reviewBy, Boolean shadow) {
    public record When(String type, String severity, Double atLeast, Double below) {
        public When {
            if (severity != null) severity = severity.toUpperCase(Locale.ROOT);
            if (severity != null && !Policy.SEVERITY_KEYS.contains(severity)) {
                throw new IllegalArgumentException("severity: one of " + Policy.SEVERITY_KEYS + ", got \"" + severity + "\"");
            }
            fraction("at_least", atLeast);
            fraction("below", below);
            if (type == null && severity == null && atLeast == null && below == null) {
                throw new IllegalArgumentException("give at least one of type, severity, at_least, below (a rule for everything is `otherwise`)");
            }
        }

        private static void fraction(String key, Double value) {
            if (value != null && !(value >= 0 && value <= 1)) throw new IllegalArgumentException(key + ": a confidence from 0 to 1, got " + value);
        }

        /** True when a suggestion of {@code type} (may be null: no type suggested) and {@code severity}, this sure, matches. */
        public boolean matches(String suggestedType, String suggestedSeverity, double confidence) {
            return (type == null || type.equals(suggestedType))
                    && (severity == null || severity.equals(suggestedSeverity))
                    && (atLeast == null || confidence >= atLeast)
                    && (below == null || confidence < below);
        }
    }

    public RoutingRule {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,59}")) {
            throw new IllegalArgumentException("name: lowercase letters, digits and hyphens, got \"" + name + "\"");
        }
        if (when == null) throw new IllegalArgumentException("when: missing");
        if (!"apply".equals(then) && !"hold".equals(then)) {
            throw new IllegalArgumentException("then: apply or hold, got \"" + then + "\"");
        }
        new Review(owner, reviewBy); // checks both
        shadow = Boolean.TRUE.equals(shadow); // unset: a live rule
    }

    /** True when a matching suggestion is applied without waiting for a person. */
    public boolean applies() {
        return "apply".equals(then);
    }

    public Review review() {
        return new Review(owner, reviewBy);
    }
}
