package app.escalate.commands.triage;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.EventData;
import app.escalate.commands.Guess;
import app.escalate.commands.Severity;
import app.escalate.commands.ShadowRoute;
import app.escalate.commands.ShadowStats;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.Suggestion;
import app.escalate.commands.TriageVerdict;
import app.escalate.commands.UserId;
import app.escalate.config.RoutingRule;
import app.escalate.config.Triage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ShadowStatsTest {
    private static final Instant T = Instant.parse("2026-11-28T03:04:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");

    /** Case {@code n}'s suggestion, applied or held live, and what shadow rule {@code rule} would have done ("apply", "hold"), if any. */
    private static CaseEvent suggested(int n, String live, String rule, String shadow) {
        Suggestion s = new Suggestion(Optional.of(new Guess<>("deepfake", 0.7)), new Guess<>(Severity.SEV2, 0.9),
                new Guess<>(List.of(), 0), new Guess<>("", 0));
        return new CaseEvent(new CaseId(n), T, MARIA, new EventData.TriageSuggested(new SuggestedTriage(s, "keywords", "keywords", Optional.empty()),
                live.equals("applied"), Optional.empty(), Optional.empty(),
                Optional.ofNullable(rule).map(r -> new ShadowRoute(r, shadow.equals("apply")))));
    }

    private static CaseEvent judged(int n, TriageVerdict verdict) {
        return new CaseEvent(new CaseId(n), T.plusSeconds(60), MARIA,
                new EventData.TriageJudged(verdict, "SEV2 · no type", "SEV2 · no type", Optional.empty(), Severity.SEV2));
    }

    @Test
    void per_shadow_rule_what_it_would_have_done_against_the_live_rules_and_how_people_judged_what_it_would_apply() {
        List<ShadowStats.Figures> figures = ShadowStats.of(List.of(
                // trial-apply would have applied 1..5
                suggested(1, "applied", "trial-apply", "apply"),                                   // agreed; kept (not undone)
                suggested(2, "applied", "trial-apply", "apply"), judged(2, TriageVerdict.UNDONE),  // agreed; overridden
                suggested(3, "held", "trial-apply", "apply"), judged(3, TriageVerdict.ACCEPTED),   // kept
                suggested(4, "held", "trial-apply", "apply"), judged(4, TriageVerdict.CHANGED),    // overridden
                suggested(5, "held", "trial-apply", "apply"),                                      // waiting
                // trial-hold would have held 6 and 7
                suggested(6, "held", "trial-hold", "hold"), judged(6, TriageVerdict.DISMISSED),    // agreed
                suggested(7, "applied", "trial-hold", "hold"),                                     // disagreed
                judged(7, TriageVerdict.LEFT_OUT),                                                 // on values only: not a verdict
                suggested(8, "applied", null, null)));                                             // no shadow rule matched

        assertThat(figures).containsExactly(
                new ShadowStats.Figures("trial-apply", 5, 5, 0, 2, 0, 2, 2),
                new ShadowStats.Figures("trial-hold", 2, 0, 2, 0, 1, 0, 0));
        ShadowStats.Figures apply = figures.get(0);
        assertThat(apply.agreed()).isEqualTo(2);
        assertThat(apply.disagreed()).isEqualTo(3);
        assertThat(apply.waiting()).isEqualTo(1);
        assertThat(apply.keptShare()).isEqualTo(0.5);
        assertThat(figures.get(1).disagreed()).isEqualTo(1);
        assertThat(figures.get(1).keptShare()).isZero();
    }

    @Test
    void a_shadow_rule_of_the_policy_that_matched_nothing_is_listed_with_noughts_and_live_rules_are_not() {
        LocalDate review = LocalDate.parse("2027-01-01");
        Triage triage = new Triage(Map.of(), Map.of(), List.of(
                new RoutingRule("live", new RoutingRule.When(null, "SEV1", null, null), "hold", "U0ESCOMAR", review, false),
                new RoutingRule("trial-new", new RoutingRule.When("deepfake", null, null, null), "apply", "U0ESCOMAR", review, true)));

        assertThat(ShadowStats.of(List.of(suggested(1, "held", "trial-old", "hold")), triage)).containsExactly(
                new ShadowStats.Figures("trial-new", 0, 0, 0, 0, 0, 0, 0),
                new ShadowStats.Figures("trial-old", 1, 0, 1, 0, 1, 0, 0));
        assertThat(ShadowStats.of(List.of())).isEmpty();
    }
}
