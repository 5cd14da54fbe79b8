package app.escalate.commands;

import java.util.List;

/** What stood out over the last day, in a line each: what, how many against the usual, and which cases. */
public record PatternSpike(String what, int lastDay, double dailyMean, double pValue, List<CaseId> cases, int restricted) {
    public PatternSpike {
        cases = List.copyOf(cases);
    }
}
