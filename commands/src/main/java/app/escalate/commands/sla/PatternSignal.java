package app.escalate.commands.sla;

import app.escalate.commands.Case;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseStore;
import app.escalate.commands.PatternSpike;
import app.escalate.commands.SlackEffect;
import app.escalate.config.CaseType;
import app.escalate.config.Policy;
import org.apache.commons.math3.distribution.PoissonDistribution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The emerging-pattern signal: each case type's and each surface's volume over the last 24 hours
 * against its trailing 14-day baseline. A one-sided Poisson test: with the baseline's daily mean
 * λ (at least {@link #MIN_RATE}), the chance of seeing at least the last day's count by chance is
 * P(X ≥ n | λ); below {@link #P_VALUE}, with at least {@link #MIN_CASES} cases, it is an alert.
 */
public final class PatternSignal {
    public static final Duration BASELINE = Duration.ofDays(14);
    public static final double P_VALUE = 0.001;
    public static final int MIN_CASES = 3;
    /** A type never seen before still needs more than one or two cases in a day to stand out. */
    public static final double MIN_RATE = 0.2;

    private final CaseStore cases;
    private final Policy policy;
    private final Clock clock;

    public PatternSignal(CaseStore cases, Policy policy, Clock clock) {
        this.cases = cases;
        this.policy = policy;
        this.clock = clock;
    }


    public List<PatternSpike> spikes() {
        Instant now = clock.instant();
        Instant dayAgo = now.minus(Duration.ofDays(1));
        List<Case> window = cases.openedBetween(dayAgo.minus(BASELINE), now);
        List<PatternSpike> spikes = new ArrayList<>();
        spikes.addAll(test(window, dayAgo, c -> c.caseType().map(id -> "type " + policy.caseType(id).map(CaseType::label).orElse(id))));
        // Surfaces are typed by people: restricted cases are left out of them (their type still counts).
        spikes.addAll(test(window, dayAgo, c -> c.restricted() ? Optional.empty()
                : c.surface().map(s -> "surface " + s.strip().toLowerCase(Locale.ROOT))));
        return spikes;
    }

    private static List<PatternSpike> test(List<Case> window, Instant dayAgo, Function<Case, Optional<String>> key) {
        Map<String, List<Case>> lastDay = new LinkedHashMap<>();
        Map<String, Integer> before = new LinkedHashMap<>();
        for (Case c : window) {
            Optional<String> k = key.apply(c);
            if (k.isEmpty()) continue;
            if (c.openedAt().isBefore(dayAgo)) before.merge(k.get(), 1, Integer::sum);
            else lastDay.computeIfAbsent(k.get(), x -> new ArrayList<>()).add(c);
        }
        List<PatternSpike> spikes = new ArrayList<>();
        lastDay.forEach((what, recent) -> {
            int n = recent.size();
            if (n < MIN_CASES) return;
            double mean = Math.max(MIN_RATE, before.getOrDefault(what, 0) / (double) BASELINE.toDays());
            double p = 1 - new PoissonDistribution(mean).cumulativeProbability(n - 1);
            if (p < P_VALUE) {
                List<CaseId> named = recent.stream().filter(c -> !c.restricted()).map(Case::id).toList();
                spikes.add(new PatternSpike(what, n, mean, p, named, n - named.size()));
            }
        });
        return spikes;
    }

    /** The alert for the team channel, when anything stood out. */
    public Optional<SlackEffect.PatternAlert> alert() {
        List<PatternSpike> spikes = spikes();
        return spikes.isEmpty() ? Optional.empty() : Optional.of(new SlackEffect.PatternAlert(policy.workspace().teamChannel(), spikes));
    }
}
