package app.escalate.commands.triage;

import app.escalate.commands.Guess;
import app.escalate.commands.Severity;
import app.escalate.commands.Suggestion;
import app.escalate.config.PolicyLoader;
import app.escalate.config.RoutingRule;
import app.escalate.config.Triage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The example policy's rules: SEV1, regulatory and unsure suggestions wait; confident deepfakes and hallucinations apply. */
class TriageRoutingTest {
    private final Triage rules = PolicyLoader.builtIn().triage();

    private static Suggestion suggestion(String type, double typeConfidence, Severity severity, double severityConfidence) {
        return new Suggestion(Optional.ofNullable(type).map(t -> new Guess<>(t, typeConfidence)), new Guess<>(severity, severityConfidence),
                new Guess<>(List.of(), 0), new Guess<>("", 0));
    }

    @Test
    void the_first_matching_rule_decides() {
        assertThat(TriageRouting.route(suggestion("deepfake", 0.9, Severity.SEV2, 0.85), rules))
                .isEqualTo(new TriageRouting.Route(true, Optional.of("confident-deepfake")));
        assertThat(TriageRouting.route(suggestion("deepfake", 0.95, Severity.SEV1, 0.95), rules))
                .isEqualTo(new TriageRouting.Route(false, Optional.of("sev1-needs-a-human")));
        assertThat(TriageRouting.route(suggestion("regulatory-request", 0.99, Severity.SEV2, 0.99), rules))
                .isEqualTo(new TriageRouting.Route(false, Optional.of("regulatory-needs-a-human")));
        assertThat(TriageRouting.route(suggestion("deepfake", 0.9, Severity.SEV2, 0.5), rules).rule())
                .as("the least sure field counts").contains("unsure-needs-a-human");
    }

    @Test
    void a_suggestion_no_rule_matches_waits_for_a_person() {
        assertThat(TriageRouting.route(suggestion("deepfake", 0.7, Severity.SEV2, 0.7), rules))
                .isEqualTo(new TriageRouting.Route(false, Optional.empty()));
        assertThat(TriageRouting.route(suggestion("civic-event", 0.95, Severity.SEV2, 0.95), rules).apply()).isFalse();
        assertThat(TriageRouting.route(suggestion("deepfake", 0.9, Severity.SEV2, 0.9), Triage.NONE).apply()).isFalse();
    }
    @Test
    void a_shadow_rule_never_decides_but_is_read_apart_first_match_first() {
        LocalDate review = LocalDate.parse("2027-01-01");
        Triage withShadows = new Triage(Map.of(), Map.of(), List.of(
                new RoutingRule("trial-apply-deepfakes", new RoutingRule.When("deepfake", null, 0.6, null), "apply", "U0ESCOMAR", review, true),
                new RoutingRule("trial-hold-all-sev2", new RoutingRule.When(null, "SEV2", null, null), "hold", "U0ESCOMAR", review, true),
                new RoutingRule("unsure-needs-a-human", new RoutingRule.When(null, null, null, 0.8), "hold", "U0ESCKENJI", review, null)));
        Suggestion deepfake = suggestion("deepfake", 0.7, Severity.SEV2, 0.7);

        assertThat(TriageRouting.route(deepfake, withShadows)).isEqualTo(new TriageRouting.Route(false, Optional.of("unsure-needs-a-human")));
        assertThat(TriageRouting.route(suggestion("deepfake", 0.9, Severity.SEV2, 0.9), withShadows))
                .as("shadow rules alone match: no live rule, so it waits").isEqualTo(new TriageRouting.Route(false, Optional.empty()));
        assertThat(TriageRouting.shadow(deepfake, withShadows)).map(RoutingRule::name).contains("trial-apply-deepfakes");
        assertThat(TriageRouting.shadow(suggestion("civic-event", 0.9, Severity.SEV2, 0.9), withShadows)).map(RoutingRule::name)
                .contains("trial-hold-all-sev2");
        assertThat(TriageRouting.shadow(suggestion("civic-event", 0.9, Severity.SEV3, 0.9), withShadows)).isEmpty();
        assertThat(TriageRouting.shadow(deepfake, rules)).as("the example policy has none").isEmpty();
    }
}
