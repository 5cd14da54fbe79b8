package app.escalate.commands.sla;

import app.escalate.commands.Case;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.HandClock;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.Severity;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PatternSignalTest {
    private static final Instant NOW = Instant.parse("2026-11-25T07:15:00Z");
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final PatternSignal signal = new PatternSignal(store, PolicyLoader.builtIn(), new HandClock(NOW));
    private int next = 1;

    private void open(String type, String surface, Duration ago, boolean restricted) {
        store.put(new Case(new CaseId(next++), "Case", Severity.SEV3, CaseState.TRIAGE, Optional.of(type), Optional.ofNullable(surface),
                new UserId("U0ESCCHLOE"), Optional.empty(), NOW.minus(ago), Optional.empty(), Optional.empty(), Optional.empty(), restricted));
    }

    /** Fourteen days of ordinary traffic: a Poisson number of cases of each type a day around its usual rate. */
    private void baseline(long seed) {
        Random random = new Random(seed);
        for (int day = 1; day <= 14; day++) {
            for (String type : new String[] {"deepfake", "llm-hallucination", "advertiser-integrity"}) {
                double rate = type.equals("advertiser-integrity") ? 4 : 1;
                PoissonDistribution daily = new PoissonDistribution(new org.apache.commons.math3.random.JDKRandomGenerator((int) seed + day),
                        rate, PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
                int n = daily.sample();
                String surface = type.equals("advertiser-integrity") ? "ads" : "video";
                for (int i = 0; i < n; i++) open(type, surface, Duration.ofDays(day).plusMinutes(random.nextInt(1440)), false);
            }
        }
    }

    @Test
    void ordinary_days_raise_nothing() {
        for (long seed = 1; seed <= 20; seed++) {
            store.files.clear();
            next = 1;
            baseline(seed);
            // A day like the others: each type at its usual rate, a little high.
            for (int i = 0; i < 2; i++) open("deepfake", "video", Duration.ofHours(i + 1), false);
            for (int i = 0; i < 7; i++) open("advertiser-integrity", "ads", Duration.ofHours(i + 1), false);
            assertThat(signal.spikes()).as("seed " + seed).isEmpty();
        }
    }

    @Test
    void a_spike_of_one_type_is_named_with_its_cases_and_the_restricted_ones_only_counted() {
        baseline(7);
        for (int i = 0; i < 8; i++) open("deepfake", "voice", Duration.ofHours(i + 1), i >= 6);

        assertThat(signal.spikes()).anySatisfy(s -> {
            assertThat(s.what()).isEqualTo("type Deepfake / synthetic media");
            assertThat(s.lastDay()).isEqualTo(8);
            assertThat(s.pValue()).isLessThan(PatternSignal.P_VALUE);
            assertThat(s.cases()).hasSize(6);
            assertThat(s.restricted()).isEqualTo(2);
        });
        assertThat(signal.spikes()).anySatisfy(s -> assertThat(s.what()).isEqualTo("surface voice"));
        assertThat(signal.alert()).get().satisfies(a -> assertThat(a.channel()).isEqualTo("escalations"));
    }

    @Test
    void two_cases_of_a_new_type_are_not_yet_a_pattern_but_five_are() {
        open("civic-event", null, Duration.ofHours(1), false);
        open("civic-event", null, Duration.ofHours(2), false);
        assertThat(signal.spikes()).isEmpty();

        for (int i = 0; i < 3; i++) open("civic-event", null, Duration.ofHours(3 + i), false);
        assertThat(signal.spikes()).singleElement().satisfies(s -> {
            assertThat(s.lastDay()).isEqualTo(5);
            assertThat(s.dailyMean()).isEqualTo(PatternSignal.MIN_RATE);
        });
    }
}
