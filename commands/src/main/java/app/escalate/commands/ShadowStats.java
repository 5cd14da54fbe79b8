package app.escalate.commands;

import app.escalate.config.RoutingRule;
import app.escalate.config.Triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How each shadow routing rule would have fared had it been live, from the timeline: the cases it
 * matched (as the first matching shadow rule), what it would have done with them against what the
 * live rules did, and, of the suggestions it would have applied, how many people kept and how many
 * overrode, so a team sees whether making it live would have applied suggestions people then
 * changed. Kept and overridden read as in {@link TriageStats}: kept is accepted, or applied and not
 * undone; overridden is changed, dismissed or undone; a suggestion still waiting counts in neither.
 */
public final class ShadowStats {
    /** One shadow rule's figures. */
    public record Figures(String rule, int matched, int wouldApply, int wouldHold, int agreedOnApply, int agreedOnHold,
                          int kept, int overridden) {
        /** The shadow rule's name, as in the policy. */
        public String rule() {
            return rule;
        }

        /** Cases whose suggestion the rule matched (it was the first shadow rule to match). */
        public int matched() {
            return matched;
        }

        /** Of those, suggestions the rule would have applied at once. */
        public int wouldApply() {
            return wouldApply;
        }

        /** Of those, suggestions the rule would have held for a person. */
        public int wouldHold() {
            return wouldHold;
        }

        /** Suggestions the rule would have applied that the live rules applied too. */
        public int agreedOnApply() {
            return agreedOnApply;
        }

        /** Suggestions the rule would have held that the live rules held too. */
        public int agreedOnHold() {
            return agreedOnHold;
        }

        /** Suggestions on which the rule and the live rules agreed, apply or hold. */
        public int agreed() {
            return agreedOnApply + agreedOnHold;
        }

        /** Suggestions on which the rule would have done otherwise than the live rules did. */
        public int disagreed() {
            return matched - agreed();
        }

        /** Of the suggestions the rule would have applied, those people kept (accepted, or applied and not undone). */
        public int kept() {
            return kept;
        }

        /** Of the suggestions the rule would have applied, those people overrode (changed, dismissed or undid): applied wrongly, had it been live. */
        public int overridden() {
            return overridden;
        }

        /** Of the suggestions the rule would have applied, those still waiting for a person's verdict. */
        public int waiting() {
            return wouldApply - kept - overridden;
        }

        /** The share of the judged suggestions it would have applied that people kept; 0 when none was judged. */
        public double keptShare() {
            return kept + overridden == 0 ? 0 : (double) kept / (kept + overridden);
        }

        Figures plus(boolean apply, boolean liveApplied, Boolean wasKept) {
            return new Figures(rule, matched + 1, wouldApply + (apply ? 1 : 0), wouldHold + (apply ? 0 : 1),
                    agreedOnApply + (apply && liveApplied ? 1 : 0), agreedOnHold + (!apply && !liveApplied ? 1 : 0),
                    kept + (apply && Boolean.TRUE.equals(wasKept) ? 1 : 0), overridden + (apply && Boolean.FALSE.equals(wasKept) ? 1 : 0));
        }
    }

    private ShadowStats() {
    }

    /** Per shadow rule that matched a suggestion among the window's {@code TRIAGE_SUGGESTED} and {@code TRIAGE_JUDGED} events, by name. */
    public static List<Figures> of(List<CaseEvent> events) {
        return of(events, Triage.NONE);
    }

    /**
     * The same, with a row of noughts for each of {@code triage}'s shadow rules that matched nothing,
     * so a rule just added is listed too.
     */
    public static List<Figures> of(List<CaseEvent> events, Triage triage) {
        Map<CaseId, EventData.TriageJudged> verdicts = new HashMap<>();
        for (CaseEvent e : events) {
            e.as(EventData.TriageJudged.class).filter(j -> j.verdict().onSuggestion()).ifPresent(j -> verdicts.put(e.caseId(), j));
        }
        Map<String, Figures> byRule = new TreeMap<>();
        for (RoutingRule rule : triage.rules()) {
            if (rule.shadow()) byRule.put(rule.name(), new Figures(rule.name(), 0, 0, 0, 0, 0, 0, 0));
        }
        for (CaseEvent e : events) {
            if (!(e.data() instanceof EventData.TriageSuggested s) || s.shadow().isEmpty()) continue;
            ShadowRoute shadow = s.shadow().get();
            EventData.TriageJudged verdict = verdicts.get(e.caseId());
            Boolean kept = verdict == null && !s.applied() ? null : verdict == null || verdict.verdict() == TriageVerdict.ACCEPTED;
            byRule.merge(shadow.rule(), new Figures(shadow.rule(), 0, 0, 0, 0, 0, 0, 0).plus(shadow.apply(), s.applied(), kept),
                    (a, b) -> a.plus(shadow.apply(), s.applied(), kept));
        }
        return new ArrayList<>(byRule.values());
    }
}
